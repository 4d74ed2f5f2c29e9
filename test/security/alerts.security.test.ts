import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '#src/db/schema/users.ts';
import { createAuditLog } from '#src/services/audit/audit-log.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Alert {
  kind: string;
  userId: string;
  displayName: string | null;
  count: number;
  ip?: string | null;
}

const signInFrom = (ip: string, email: string) =>
  t.app.request(
    '/api/v1/auth/token',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    },
    { incoming: { socket: { remoteAddress: ip } } },
  );
const userId = async (email: string) =>
  (await t.deps.db.select().from(users).where(eq(users.email, email)))[0]?.id ?? '';
async function alerts(email = 'supervisor@demo.test'): Promise<Alert[]> {
  const res = await t.call('GET', '/api/v1/security/alerts', { token: await t.login(email) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Alert[] }).items;
}

describe('anomaly alerts for supervisors', () => {
  it('flags a sign-in from a network the person never used, not a first sign-in or the same /24', async () => {
    expect((await signInFrom('203.0.113.5', 'agent5@demo.test')).status).toBe(200);
    expect((await signInFrom('203.0.113.99', 'agent5@demo.test')).status).toBe(200);
    expect((await alerts()).filter((a) => a.kind === 'new-network')).toEqual([]);
    expect((await signInFrom('198.51.100.3', 'agent5@demo.test')).status).toBe(200);
    const found = (await alerts()).filter((a) => a.kind === 'new-network');
    expect(found).toMatchObject([{ userId: await userId('agent5@demo.test'), ip: '198.51.100.3' }]);
  });

  it('flags unusual reveal volume in the last hour', async () => {
    const [agent6, agent7] = [await userId('agent6@demo.test'), await userId('agent7@demo.test')];
    const tenantId = (await t.deps.db.select().from(users).where(eq(users.id, agent6)))[0]?.tenantId ?? '';
    // What the reveal endpoint writes for each granted reveal, without staging 20 assignments.
    const audit = createAuditLog({ db: t.deps.db, clock: t.clock, redact: async (_t, s) => s });
    const reveal = (id: string) =>
      audit.record({
        tenantId,
        actor: { id, role: 'agent' },
        action: 'pii.reveal',
        target: { type: 'message', id: 'm' },
      });
    for (let i = 0; i < 20; i++) await reveal(agent6);
    for (let i = 0; i < 5; i++) await reveal(agent7);
    const found = (await alerts()).filter((a) => a.kind === 'reveal-volume');
    expect(found.map((a) => [a.userId, a.count])).toEqual([[agent6, 20]]);
    t.clock.advance(61 * 60_000);
    expect((await alerts()).filter((a) => a.kind === 'reveal-volume')).toEqual([]);
  });

  it('flags an agent who takes many conversations and replies to none', async () => {
    const agent = await t.login('agent8@demo.test');
    for (let i = 0; i < 10; i++) {
      const customer = await t.customer('demo');
      const conv = await t.call('POST', '/api/v1/conversations', {
        token: customer,
        body: { text: `where is order ${i}`, clientMessageId: `al-${i}` },
      });
      const { id } = (await conv.json()) as { id: string };
      const claim = await t.call('POST', `/api/v1/conversations/${id}/claim`, { token: agent });
      expect(claim.status, await claim.clone().text()).toBe(200);
    }
    const found = (await alerts()).filter((a) => a.kind === 'opened-without-reply');
    expect(found).toMatchObject([
      { userId: await userId('agent8@demo.test'), count: 10, displayName: expect.any(String) },
    ]);
  });

  it('is for supervisors and admins of the tenant only', async () => {
    const agent = await t.login('agent9@demo.test');
    expect((await t.call('GET', '/api/v1/security/alerts', { token: agent })).status).toBe(403);
    expect(await alerts('admin@northwind.test')).toEqual([]);
  });
});
