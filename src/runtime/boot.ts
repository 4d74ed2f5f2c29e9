/**
 * @module Shared boot for the file-system runtimes (Node, Deno): environment, master key,
 * database with migrations, first-start seed, dependencies. Workers have their own boot.
 */
import { createApp } from '#src/app.ts';
import type { Env } from '#src/config/env.ts';
import { seedIfEmpty } from '#src/db/seed/seed.ts';
import { type Deps, defaultAppConfig } from '#src/deps.ts';
import { systemClock } from '#src/ports/clock.ts';
import { randomIds } from '#src/ports/ids.ts';
import { createLogger } from '#src/ports/logger.ts';
import { createInProcessBus } from '#src/realtime/in-process.ts';
import { deriveKey } from '#src/services/auth/derive-key.ts';
import { createInProcessDispatch } from '#src/services/dispatch/in-process.ts';
import { createInProcessEvalExecutor } from '#src/services/qa/in-process-executor.ts';
import { createFileSystemAssist } from './assist.ts';
import { type OpenDb, openMigratedDb } from './libsql.ts';
import { createFileRecordingStore } from './recording-store.ts';
import { loadOrCreateMasterKey, type MasterKey } from './secrets.ts';
import { openVaultForBoot } from './vault-boot.ts';

export interface Booted {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  database: OpenDb;
  masterKey: MasterKey;
  seeded: boolean;
}

export async function boot(env: Env): Promise<Booted> {
  const logger = createLogger(env.TIDEDESK_LOG_LEVEL);
  const masterKey = loadOrCreateMasterKey(env.TIDEDESK_MASTER_KEY, env.TIDEDESK_DATA_DIR);
  const database = await openMigratedDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  const events = createInProcessBus();
  // One live dispatcher per tenant in this process, on real timers.
  const dispatch = createInProcessDispatch({
    db: database.db,
    clock: systemClock,
    ids: randomIds,
    events,
    logger,
  });
  const deps: Deps = {
    db: database.db,
    clock: systemClock,
    ids: randomIds,
    events,
    dispatch,
    logger,
    assist: createFileSystemAssist(env, { logger, clock: systemClock }),
    // The QA workspace runs eval suites in this process (the harness reads files from disk).
    evalExecutor: createInProcessEvalExecutor(),
    recordings: createFileRecordingStore(`${env.TIDEDESK_DATA_DIR}/recordings`),
    secrets: {
      tokenKey: await deriveKey(masterKey.key, 'tidedesk/session-tokens/v1'),
      // Refuses to start on a missing or different master key (see vault-boot.ts).
      vault: await openVaultForBoot(database.db, masterKey, systemClock.now()),
    },
    config: {
      ...defaultAppConfig,
      bodyLimit: env.TIDEDESK_BODY_LIMIT,
      tokenTtlSeconds: env.TIDEDESK_TOKEN_TTL,
    },
  };
  const seeded = await seedIfEmpty({
    db: database.db,
    clock: systemClock,
    ids: randomIds,
    password: env.TIDEDESK_DEMO_PASSWORD,
  });
  const app = createApp(deps);
  // After the seed: rebuilds every tenant's queue, presence and timers from the database.
  await dispatch.start();
  return { app, deps, database, masterKey, seeded };
}
