import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#src/db/schema/pii.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A request as seen by the Node adapter from a given socket address. */
const from = (ip: string, method: string, path: string, opts: { token?: string; body?: unknown } = {}) =>
  t.app.request(
    path,
    {
      method,
      headers: {
        'content-type': 'application/json',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    },
    { incoming: { socket: { remoteAddress: ip } } },
  );
const signIn = (ip: string, email: string) =>
  from(ip, 'POST', '/api/v1/auth/token', { body: { email, password: DEMO_PASSWORD } });
const tokenOf = async (res: Response) => ((await res.json()) as { token: string }).token;

describe('per-tenant IP allow-list', () => {
  it('an admin cannot set a list that leaves out their own address, nor a malformed entry (422)', async () => {
    const admin = await tokenOf(await signIn('203.0.113.10', 'admin@demo.test'));
    const without = await from('203.0.113.10', 'PUT', '/api/v1/security/settings', {
      token: admin,
      body: { ipAllowList: ['198.51.100.0/24'] },
    });
    expect(without.status).toBe(422);
    const bad = await from('203.0.113.10', 'PUT', '/api/v1/security/settings', {
      token: admin,
      body: { ipAllowList: ['203.0.113.0/24', 'office-network'] },
    });
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('body.ipAllowList.1');
  });

  it('staff sign in and work only from listed networks; other tenants are unaffected', async () => {
    const admin = await tokenOf(await signIn('203.0.113.10', 'admin@demo.test'));
    const agentEarlier = await tokenOf(await signIn('198.51.100.20', 'agent1@demo.test'));
    const put = await from('203.0.113.10', 'PUT', '/api/v1/security/settings', {
      token: admin,
      body: { ipAllowList: ['203.0.113.0/24'] },
    });
    expect(put.status).toBe(200);

    expect((await signIn('203.0.113.77', 'agent1@demo.test')).status).toBe(200);
    const refused = await signIn('198.51.100.20', 'agent1@demo.test');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/own networks/);
    // A token issued before, used from outside the list, is refused too.
    expect((await from('198.51.100.20', 'GET', '/api/v1/me', { token: agentEarlier })).status).toBe(403);
    expect((await from('203.0.113.5', 'GET', '/api/v1/me', { token: agentEarlier })).status).toBe(200);
    // Northwind has no list.
    expect((await signIn('198.51.100.20', 'agent1@northwind.test')).status).toBe(200);

    const refusals = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login.network-refused'), eq(auditLog.ip, '198.51.100.20')));
    expect(refusals).toHaveLength(1);

    await from('203.0.113.10', 'PUT', '/api/v1/security/settings', {
      token: admin,
      body: { ipAllowList: null },
    });
    expect((await signIn('198.51.100.20', 'agent1@demo.test')).status).toBe(200);
  });
});
