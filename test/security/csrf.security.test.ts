import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { postLogin, sessionCookie } from './session-helpers.ts';

let t: TestApp;
let cookie: string;
let customerToken: string;
let conversationId: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await sessionCookie(t, 'supervisor@demo.test');
  customerToken = await t.customer('demo');
  const res = await t.call('POST', '/api/v1/conversations', {
    token: customerToken,
    body: { text: 'where is my parcel', clientMessageId: 'csrf-1' },
  });
  conversationId = ((await res.json()) as { id: string }).id;
});
afterAll(() => t.close());

const post = (path: string, headers: Record<string, string>, body: unknown = {}) =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('CSRF protection for cookie sessions', () => {
  it('refuses a cross-site cookie POST with 403 csrf_rejected and changes nothing', async () => {
    const res = await post(`/api/v1/conversations/${conversationId}/claim`, {
      cookie,
      'sec-fetch-site': 'cross-site',
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('csrf_rejected');
    const after = await t.call('GET', `/api/v1/conversations/${conversationId}`, {
      token: await t.login('supervisor@demo.test'),
    });
    expect(((await after.json()) as { state: string }).state).toBe('queued');
  });

  it('refuses a cookie POST whose Origin names another host (no Sec-Fetch-Site)', async () => {
    const res = await post('/api/v1/conversations/x/resolve', { cookie, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('csrf_rejected');
  });

  it('refuses a cookie POST that carries neither Sec-Fetch-Site nor Origin', async () => {
    const res = await post('/api/v1/conversations/x/resolve', { cookie });
    expect(((await res.json()) as { code: string }).code).toBe('csrf_rejected');
  });

  it('lets a same-origin cookie POST through (Sec-Fetch-Site or a matching Origin)', async () => {
    const a = await post('/api/v1/conversations/nope/resolve', { cookie, 'sec-fetch-site': 'same-origin' });
    expect(a.status).toBe(404);
    const b = await post('/api/v1/conversations/nope/resolve', { cookie, origin: 'http://localhost' });
    expect(b.status).toBe(404);
  });

  it('leaves Bearer callers alone even with a foreign Origin (a browser never adds the header)', async () => {
    const token = await t.login('supervisor@demo.test');
    const res = await post('/api/v1/conversations/nope/resolve', {
      authorization: `Bearer ${token}`,
      origin: 'https://partner.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(res.status).toBe(404);
  });

  it('refuses a cross-site sign-in form post (login CSRF) but accepts a same-origin one', async () => {
    const evil = await postLogin(t, 'agent1@demo.test', undefined, { 'sec-fetch-site': 'cross-site' });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('set-cookie')).toBeNull();
    const ok = await postLogin(t, 'agent1@demo.test');
    expect(ok.status).toBe(303);
  });
});
