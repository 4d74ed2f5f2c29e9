/** @module What the training service needs from the app, and its tunables. */
import type { Assist } from '#assist/index.ts';
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { Logger } from '#src/ports/logger.ts';

export interface TrainingDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  assist: Assist;
  /** The dispatcher's hook for "this person's certifications or role changed" (DispatchPort.agentChanged). */
  agentChanged(tenantId: string, userId: string): Promise<void>;
  /**
   * Budget for the LLM persona's line, in ms. A reply must reach the trainee within a second, so
   * the model gets most of it and the embedded engine answers when it runs out.
   */
  personaTimeoutMs?: number;
}

export const DEFAULT_PERSONA_TIMEOUT_MS = 800;

/** A 32-bit seed from an id: sessions replay identically, and tests with sequential ids are reproducible. */
export function seedFrom(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
