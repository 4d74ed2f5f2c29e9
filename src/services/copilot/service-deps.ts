/** @module What the co-pilot services take from the app (a subset of `Services`). */
import type { Assist } from '#assist/index.ts';
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { Logger } from '#src/ports/logger.ts';
import type { EventBus } from '#src/realtime/bus.ts';
import type { CopilotCache } from './cache.ts';

export interface CopilotServiceDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  events: EventBus;
  logger: Logger;
  assist: Assist;
  /** One co-pilot per tenant, kept current with the database. */
  copilots: CopilotCache;
}
