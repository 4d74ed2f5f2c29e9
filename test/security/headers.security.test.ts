import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { sessionCookie } from './session-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...rest] = d.trim().split(/\s+/);
      return [name, rest.join(' ')] as const;
    }),
  );
}

describe('security headers', () => {
  it.each([
    ['/login', {}],
    ['/widget?tenant=demo', {}],
    ['/docs', {}],
    ['/openapi.json', {}],
    ['/healthz', {}],
    ['/api/v1/me', {}],
    ['/api/v1/no-such-route', {}],
  ])('%s carries CSP, nosniff, referrer, permissions and opener policies', async (path, headers) => {
    const res = await t.app.request(path, { headers });
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('script-src')).not.toContain('unsafe-inline');
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('img-src')).toBe("'self' data: blob:");
    expect(csp.get('media-src')).toBe("'self' blob:");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const pp = res.headers.get('permissions-policy') ?? '';
    expect(pp).toContain('camera=(self)');
    expect(pp).toContain('microphone=(self)');
    // Plain http in tests and secureCookies off: HSTS would be wrong here.
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('staff pages and problem responses carry the CSP too', async () => {
    const cookie = await sessionCookie(t, 'agent1@demo.test');
    const page = await t.app.request('/agent', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const problem = await t.call('GET', '/api/v1/conversations/does-not-exist', {
      token: await t.login('agent1@demo.test'),
    });
    expect(problem.headers.get('content-type')).toContain('problem+json');
    expect(problem.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('HSTS is sent over https', async () => {
    const res = await t.app.request('https://tidedesk.example/healthz');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });

  it('HSTS and Secure cookies are sent when secureCookies is configured', async () => {
    const secure = await createTestApp({ secureCookies: true });
    try {
      const res = await secure.app.request('/healthz');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
      const login = await secure.app.request('/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        body: new URLSearchParams({ email: 'agent1@demo.test', password: 'tidedesk-demo' }).toString(),
      });
      const cookie = login.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).toMatch(/;\s*Secure/i);
    } finally {
      secure.close();
    }
  });

  it('the page cookie is not Secure over plain http by default', async () => {
    const res = await t.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ email: 'agent1@demo.test', password: 'tidedesk-demo' }).toString(),
    });
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/;\s*Secure/i);
  });
});
