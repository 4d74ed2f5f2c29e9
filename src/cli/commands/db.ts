/** @module `tidedesk migrate` and `tidedesk seed [--reset]`. */
import { loadEnv } from '#src/config/env.ts';
import { resetAndSeed, seedIfEmpty } from '#src/db/seed/seed.ts';
import { systemClock } from '#src/ports/clock.ts';
import { randomIds } from '#src/ports/ids.ts';
import { openMigratedDb } from '#src/runtime/libsql.ts';
import type { Output } from '../output.ts';

export async function migrateCommand(out: Output): Promise<void> {
  const env = loadEnv();
  const { client } = await openMigratedDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  client.close();
  out.say(`Migrations applied to ${env.DATABASE_URL}.`);
  out.result({ ok: true, database: env.DATABASE_URL });
}

export async function seedCommand(out: Output, reset: boolean): Promise<void> {
  const env = loadEnv();
  const { db, client } = await openMigratedDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  const deps = { db, clock: systemClock, ids: randomIds, password: env.TIDEDESK_DEMO_PASSWORD };
  let seeded: boolean;
  if (reset) {
    await resetAndSeed(deps);
    seeded = true;
    out.say('Demo data rebuilt (all previous data in this database was removed).');
  } else {
    seeded = await seedIfEmpty(deps);
    out.say(seeded ? 'Demo data seeded.' : 'The database already has data; use --reset to rebuild the demo.');
  }
  client.close();
  out.result({ ok: true, seeded, reset });
}
