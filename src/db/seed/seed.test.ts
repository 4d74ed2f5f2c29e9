import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import { resetAndSeed, seedIfEmpty } from './seed.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const count = async (table: string) =>
  (await t.deps.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)))?.n ?? -1;

describe('seed', () => {
  it('seedIfEmpty leaves a database with data alone', async () => {
    expect(
      await seedIfEmpty({ db: t.deps.db, clock: t.clock, ids: t.deps.ids, password: DEMO_PASSWORD }),
    ).toBe(false);
    expect(await count('tenants')).toBe(2);
  });

  it('resetAndSeed removes everything (conversations included) and rebuilds the demo', async () => {
    const customer = await t.customer();
    await t.call('POST', '/api/v1/conversations', {
      token: customer,
      body: { text: 'hello', clientMessageId: 'c1' },
    });
    expect(await count('messages')).toBe(1);
    await resetAndSeed({ db: t.deps.db, clock: t.clock, ids: t.deps.ids, password: DEMO_PASSWORD });
    expect(await count('messages')).toBe(0);
    expect(await count('conversations')).toBe(0);
    expect(await count('events')).toBe(0);
    expect(await count('tenants')).toBe(2);
    expect(await t.login('agent20@demo.test')).toEqual(expect.any(String));
  });
});
