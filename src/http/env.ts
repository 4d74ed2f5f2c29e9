/** @module The Hono environment shared by every route: injected services and the caller. */
import type { Principal } from '#src/core/auth/principal.ts';
import type { Deps } from '#src/deps.ts';
import type { TokenService } from '#src/services/auth/tokens.ts';
import type { ConversationService } from '#src/services/conversations/conversation-service.ts';

export interface Services extends Deps {
  tokens: TokenService;
  conversations: ConversationService;
}

export interface AppEnv {
  Variables: {
    services: Services;
    principal: Principal | null;
  };
}
