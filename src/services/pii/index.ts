/**
 * @module The PII service the app wires once: tenant detectors (built-in plus tenant patterns),
 * masking at ingest with the vault, reveal with the audit log, and the admin's policy settings.
 */
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Logger } from '#src/ports/logger.ts';
import { createAuditLog } from '#src/services/audit/audit-log.ts';
import { createMessageIngest } from './ingest.ts';
import type { VaultKeyring } from './keyring.ts';
import { createTenantDetectors } from './patterns.ts';
import { createRevealer } from './reveal.ts';

export interface PiiServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  secrets: { vault: VaultKeyring };
}

export function createPiiService(deps: PiiServiceDeps) {
  const { db, clock, logger } = deps;
  const keyring = deps.secrets.vault;
  const detectors = createTenantDetectors({ db, clock, logger });
  const ingest = createMessageIngest({ detectors, keyring });
  const audit = createAuditLog({
    db,
    clock,
    redact: async (tenantId, text) => (await ingest.prepare(tenantId, text)).text,
  });
  const reveal = createRevealer({ db, clock, logger, keyring, audit });
  return { detectors, ingest, audit, reveal, keyring };
}

export type PiiService = ReturnType<typeof createPiiService>;
