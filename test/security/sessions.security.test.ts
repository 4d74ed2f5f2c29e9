import { and, eq } from 'drizzle-orm';
import { sign } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#src/db/schema/pii.ts';
import { users } from '#src/db/schema/users.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.ts';
import { postLogin, sessionCookie } from './session-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const MIN = 60_000;
const me = (headers: Record<string, string>) => t.app.request('/api/v1/me', { headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const sameOrigin = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
const code = async (res: Response) => ((await res.json()) as { code?: string }).code;

async function auditActions(email: string): Promise<string[]> {
  const [u] = await t.deps.db.select().from(users).where(eq(users.email, email));
  const rows = await t.deps.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, u?.id ?? ''), eq(auditLog.targetType, 'user')))
    .orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

describe('login lockout', () => {
  it('locks an account for 15 minutes after 5 wrong passwords, even for the right one, and audits each step', async () => {
    const email = 'agent11@demo.test';
    const wrong = () => t.call('POST', '/api/v1/auth/token', { body: { email, password: 'nope-nope' } });
    for (let i = 0; i < 4; i++) expect((await wrong()).status).toBe(401);
    const fifth = await wrong();
    expect(fifth.status).toBe(429);
    const body = (await fifth.json()) as { code: string; detail: string; retryAfterSeconds: number };
    expect(body.code).toBe('account_locked');
    expect(body.detail).toMatch(/locked for 15 more minutes/);
    expect(body.retryAfterSeconds).toBe(15 * 60);
    const right = await t.call('POST', '/api/v1/auth/token', { body: { email, password: DEMO_PASSWORD } });
    expect(right.status).toBe(429);
    t.clock.advance(15 * MIN + 1);
    expect(
      (await t.call('POST', '/api/v1/auth/token', { body: { email, password: DEMO_PASSWORD } })).status,
    ).toBe(200);
    expect(await auditActions(email)).toEqual([
      'auth.login.failed',
      'auth.login.failed',
      'auth.login.failed',
      'auth.login.failed',
      'auth.lockout',
      'auth.login.locked',
      'auth.login',
    ]);
  });

  it('failures older than the 15-minute window do not add up', async () => {
    const email = 'agent12@demo.test';
    for (let i = 0; i < 4; i++) await postLogin(t, email, 'wrong-password');
    t.clock.advance(16 * MIN);
    for (let i = 0; i < 4; i++) expect((await postLogin(t, email, 'wrong-password')).status).toBe(401);
    expect((await postLogin(t, email)).status).toBe(303);
  });

  it('the sign-in page says so in the page language', async () => {
    const email = 'agent13@demo.test';
    for (let i = 0; i < 5; i++) await postLogin(t, email, 'wrong-password', { cookie: 'lang=en' });
    const en = await postLogin(t, email, DEMO_PASSWORD, { cookie: 'lang=en' });
    expect(en.status).toBe(429);
    expect(await en.text()).toContain('this account is locked for 15 more minutes');
    const zh = await postLogin(t, email, DEMO_PASSWORD, { cookie: 'lang=zh' });
    expect(await zh.text()).toContain('该账号已被临时锁定');
  });
});

describe('rate limits', () => {
  const fromIp = (ip: string, path: string, body: unknown) =>
    t.app.request(
      path,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      { incoming: { socket: { remoteAddress: ip } } },
    );

  it('POST /auth/token: 10 per address, then 429 problem+json with Retry-After; other addresses unaffected', async () => {
    // A different unknown e-mail each time, so the account lockout stays out of the way.
    let n = 0;
    const body = () => ({ email: `nobody${n++}@demo.test`, password: 'x' });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await fromIp('203.0.113.7', '/api/v1/auth/token', body())).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await fromIp('203.0.113.7', '/api/v1/auth/token', body());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await code(limited)).toBe('rate_limited');
    expect((await fromIp('203.0.113.8', '/api/v1/auth/token', body())).status).toBe(401);
    t.clock.advance(6_000);
    expect((await fromIp('203.0.113.7', '/api/v1/auth/token', body())).status).toBe(401);
  });

  it('POST /widget/sessions: 30 per address, then 429', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++)
      last = (await fromIp('198.51.100.4', '/api/v1/widget/sessions', { tenant: 'demo' })).status;
    expect(last).toBe(429);
  });

  it('a loopback proxy is keyed by X-Forwarded-For; loopback without one (tests, bench) is not limited', async () => {
    const viaProxy = (xff: string) =>
      t.app.request(
        '/api/v1/auth/token',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
          body: JSON.stringify({ email: `proxied-${xff.length}-${Math.random()}@demo.test`, password: 'x' }),
        },
        { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
      );
    for (let i = 0; i < 10; i++) await viaProxy('1.1.1.1, 192.0.2.50');
    expect((await viaProxy('9.9.9.9, 192.0.2.50')).status).toBe(429);
    for (let i = 0; i < 12; i++) {
      expect(
        (await fromIp('127.0.0.1', '/api/v1/auth/token', { email: `local${i}@demo.test`, password: 'x' }))
          .status,
      ).toBe(401);
    }
  });
});

describe('sessions', () => {
  it('logout ends this session only; logout-all refuses every token issued before it (session fixation)', async () => {
    const a = await t.login('agent14@demo.test');
    const b = await t.login('agent14@demo.test');
    const out = await t.call('POST', '/api/v1/auth/logout', { token: a });
    expect(await out.json()).toEqual({ revoked: 1 });
    expect((await me(bearer(a))).status).toBe(401);
    expect((await me(bearer(b))).status).toBe(200);
    const cookie = await sessionCookie(t, 'agent14@demo.test');
    const all = await t.call('POST', '/api/v1/auth/logout-all', { token: b });
    expect(((await all.json()) as { revoked: number }).revoked).toBe(2);
    expect((await me(bearer(b))).status).toBe(401);
    expect((await me({ cookie })).status).toBe(401);
    expect((await me(bearer(await t.login('agent14@demo.test')))).status).toBe(200);
  });

  it('refresh gives a new token for the same session and pushes its expiry out', async () => {
    const token = await t.login('agent15@demo.test');
    const before = (await t.call('GET', '/api/v1/me', { token })).status;
    t.clock.advance(60 * MIN);
    const res = await t.call('POST', '/api/v1/auth/refresh', { token });
    const fresh = (await res.json()) as { token: string; expiresAt: number; sessionId: string };
    expect(before).toBe(200);
    expect(res.status).toBe(200);
    // Token times are whole seconds.
    expect(fresh.expiresAt).toBe(Math.floor(t.clock.now() / 1000) * 1000 + 12 * 3600 * 1000);
    expect((await me(bearer(fresh.token))).status).toBe(200);
    await t.call('POST', '/api/v1/auth/logout', { token: fresh.token });
    expect((await me(bearer(token))).status).toBe(401);
  });

  it('a staff token without a session (forged with the key, or from before sessions) is refused', async () => {
    const [u] = await t.deps.db.select().from(users).where(eq(users.email, 'admin@demo.test'));
    const now = Math.floor(t.clock.now() / 1000);
    const forged = await sign(
      { kind: 'staff', userId: u?.id, tenantId: u?.tenantId, role: 'admin', iat: now, exp: now + 3600 },
      t.deps.secrets.tokenKey,
      'HS256',
    );
    expect((await me(bearer(forged))).status).toBe(401);
  });

  it('page sessions lock after 15 idle minutes (401 session_locked) and unlock with the password', async () => {
    const cookie = await sessionCookie(t, 'agent16@demo.test');
    const api = await t.login('agent16@demo.test');
    t.clock.advance(10 * MIN);
    expect((await me({ cookie })).status).toBe(200);
    t.clock.advance(16 * MIN);
    const locked = await me({ cookie });
    expect(locked.status).toBe(401);
    expect(await code(locked)).toBe('session_locked');
    // API tokens held by programs are revocable but not idle-locked.
    expect((await me(bearer(api))).status).toBe(200);
    const page = await t.app.request('/agent', { headers: { cookie } });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toMatch(/^\/login/);
    const unlock = await t.app.request('/api/v1/auth/unlock', {
      method: 'POST',
      headers: { cookie, ...sameOrigin },
      body: JSON.stringify({ password: DEMO_PASSWORD }),
    });
    expect(unlock.status).toBe(200);
    expect((await me({ cookie })).status).toBe(200);
  });

  it('a wrong password at the lock dialog ends the session', async () => {
    const cookie = await sessionCookie(t, 'agent17@demo.test');
    t.clock.advance(20 * MIN);
    const res = await t.app.request('/api/v1/auth/unlock', {
      method: 'POST',
      headers: { cookie, ...sameOrigin },
      body: JSON.stringify({ password: 'guess' }),
    });
    expect(res.status).toBe(401);
    expect(await code((await me({ cookie })) as Response)).toBe('unauthorized');
  });

  it('signing in past the concurrent page-session limit (3) revokes the oldest', async () => {
    const cookies: string[] = [];
    for (let i = 0; i < 4; i++) cookies.push(await sessionCookie(t, 'agent18@demo.test'));
    const statuses = await Promise.all(cookies.map(async (cookie) => (await me({ cookie })).status));
    expect(statuses).toEqual([401, 200, 200, 200]);
  });

  it('admins set the limit and the idle lock for their tenant; others may not', async () => {
    const admin = await t.login('admin@demo.test');
    const put = await t.call('PUT', '/api/v1/security/settings', {
      token: admin,
      body: { maxSessionsPerUser: 1, idleLockMinutes: 5 },
    });
    expect(await put.json()).toEqual({ maxSessionsPerUser: 1, idleLockMinutes: 5, ipAllowList: null });
    const agent = await t.login('agent19@demo.test');
    expect(
      (await t.call('PUT', '/api/v1/security/settings', { token: agent, body: { idleLockMinutes: 0 } }))
        .status,
    ).toBe(403);
    const first = await sessionCookie(t, 'agent19@demo.test');
    const second = await sessionCookie(t, 'agent19@demo.test');
    expect((await me({ cookie: first })).status).toBe(401);
    t.clock.advance(6 * MIN);
    expect(await code(await me({ cookie: second }))).toBe('session_locked');
    const north = await t.login('admin@northwind.test');
    const theirs = (await (await t.call('GET', '/api/v1/security/settings', { token: north })).json()) as {
      idleLockMinutes: number;
    };
    expect(theirs.idleLockMinutes).toBe(15);
    await t.call('PUT', '/api/v1/security/settings', {
      token: admin,
      body: { maxSessionsPerUser: 3, idleLockMinutes: 15 },
    });
  });

  it('page sign-out revokes the session, so a copied cookie stops working', async () => {
    const cookie = await sessionCookie(t, 'agent20@demo.test');
    const out = await t.app.request('/logout', {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(out.status).toBe(303);
    expect((await me({ cookie })).status).toBe(401);
  });
});

describe('rate limit on the sign-in form', () => {
  it('answers a person with a page in their language and Retry-After', async () => {
    const form = (i: number) =>
      t.app.request(
        '/login',
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'sec-fetch-site': 'same-origin',
            cookie: 'lang=zh',
          },
          body: new URLSearchParams({ email: `form${i}@demo.test`, password: 'x' }).toString(),
        },
        { incoming: { socket: { remoteAddress: '192.0.2.77' } } },
      );
    let res = await form(0);
    for (let i = 1; i <= 10; i++) res = await form(i);
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.text()).toContain('请求过于频繁');
  });
});
