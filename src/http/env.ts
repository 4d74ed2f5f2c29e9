/** @module The Hono environment shared by every route: injected services and the caller. */
import type { Principal } from '#src/core/auth/principal.ts';
import type { Deps } from '#src/deps.ts';
import type { AuditLog } from '#src/services/audit/audit-log.ts';
import type { TokenService } from '#src/services/auth/tokens.ts';
import type { ComplianceService } from '#src/services/compliance/index.ts';
import type { ConversationService } from '#src/services/conversations/conversation-service.ts';
import type { DispatchPort } from '#src/services/dispatch/port.ts';
import type { PiiService } from '#src/services/pii/index.ts';
import type { SecurityService } from '#src/services/security/index.ts';

export interface Services extends Deps {
  tokens: TokenService;
  conversations: ConversationService;
  /** Rule packs, the realtime check, the send gate, overrides and complaint risk. */
  compliance: ComplianceService;
  /** Masking at ingest, the vault, reveals and tenant PII settings. */
  pii: PiiService;
  /** The append-only audit log any feature records to. */
  audit: AuditLog;
  dispatch: DispatchPort;
  /** Sessions, sign-in lockout, rate limits, tenant session settings. */
  security: SecurityService;
}

export interface AppEnv {
  Variables: {
    services: Services;
    principal: Principal | null;
  };
}
