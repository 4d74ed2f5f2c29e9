import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '#src/http/auth.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.request('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });

/** Signs in through the form and returns the Cookie header value for later requests. */
async function sessionCookie(email: string): Promise<string> {
  const res = await form({ email, password: DEMO_PASSWORD });
  const set = res.headers.get('set-cookie') ?? '';
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(set);
  if (!match) throw new Error(`no session cookie for ${email}: ${res.status}`);
  return `${SESSION_COOKIE}=${match[1]}`;
}

const page = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });

/** Every <script> must load a file or carry JSON data: the future CSP forbids inline script. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(
      ([, attrs = '', body = '']) =>
        !/\bsrc=/.test(attrs) && !/type="application\/json"/.test(attrs) && body.trim() !== '',
    )
    .map(([tag]) => tag);
}

describe('sign-in', () => {
  it('GET /login renders the form in the browser language, with the demo hint', async () => {
    const en = await (await page('/login', { 'accept-language': 'en-US,en;q=0.9' })).text();
    expect(en).toContain('Sign in');
    expect(en).toContain(DEMO_PASSWORD);
    const zh = await (await page('/login', { 'accept-language': 'zh-CN' })).text();
    expect(zh).toContain('登录');
    // No Accept-Language at all: the tenant default, Chinese.
    expect(await (await page('/login')).text()).toContain('<html lang="zh-CN"');
  });

  it.each([
    ['agent1@demo.test', '/agent'],
    ['supervisor@demo.test', '/supervisor'],
    ['admin@demo.test', '/admin'],
    ['trainee1@demo.test', '/train'],
  ])('POST /login as %s sets an HttpOnly Lax session cookie and redirects to %s', async (email, home) => {
    const res = await form({ email, password: DEMO_PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(home);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('POST /login with a wrong password re-renders the form with a bilingual error and no cookie', async () => {
    const en = await form({ email: 'agent1@demo.test', password: 'wrong-password' }, { cookie: 'lang=en' });
    expect(en.status).toBe(401);
    expect(en.headers.get('set-cookie') ?? '').not.toContain(SESSION_COOKIE);
    const body = await en.text();
    expect(body).toContain('Email or password is wrong');
    expect(body).toContain('value="agent1@demo.test"');
    const zh = await form({ email: 'nobody@demo.test', password: 'wrong-password' }, { cookie: 'lang=zh' });
    expect(zh.status).toBe(401);
    expect(await zh.text()).toContain('邮箱或密码错误');
  });

  it('POST /login with missing fields asks for them (422)', async () => {
    const res = await form({ email: '', password: '' }, { cookie: 'lang=en' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Enter your email address and password.');
  });

  it('follows a same-site next= but never an off-site one', async () => {
    const ok = await form({ email: 'agent1@demo.test', password: DEMO_PASSWORD, next: '/agent?lang=en' });
    expect(ok.headers.get('location')).toBe('/agent?lang=en');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await form({ email: 'agent1@demo.test', password: DEMO_PASSWORD, next });
      expect(res.headers.get('location'), next).toBe('/agent');
    }
  });

  it('the page cookie also authenticates the JSON API', async () => {
    const cookie = await sessionCookie('agent3@demo.test');
    const res = await page('/api/v1/me', { cookie });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { email: string }).email).toBe('agent3@demo.test');
  });

  it('POST /logout clears the session cookie', async () => {
    const res = await t.app.request('/logout', {
      method: 'POST',
      headers: { cookie: await sessionCookie('agent1@demo.test') },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`, 'i'));
  });
});

describe('staff pages', () => {
  it.each(['/agent', '/supervisor', '/admin'])(
    '%s sends signed-out people to /login and back',
    async (path) => {
      const res = await page(`${path}?lang=en`);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`${path}?lang=en`)}`);
    },
  );

  it('a wrong role gets a friendly 403 page linking to what the person may open', async () => {
    const res = await page('/admin', { cookie: `${await sessionCookie('agent1@demo.test')}; lang=en` });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('This page is not available to you');
    expect(html).toContain('href="/agent"');
    expect(html).not.toContain('href="/admin"');
  });

  it.each([
    ['agent1@demo.test', '/agent', 'agent'],
    ['supervisor@demo.test', '/supervisor', 'supervisor'],
    ['admin@demo.test', '/admin', 'admin'],
  ])('%s opens %s: shell, island bundle, data block, no inline script', async (email, path, island) => {
    const res = await page(path, { cookie: await sessionCookie(email) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain(`<script type="module" src="/assets/${island}.js"></script>`);
    const block = /<script type="application\/json" id="td-data">([\s\S]*?)<\/script>/.exec(html);
    expect(block).not.toBeNull();
    const data = JSON.parse(block![1]!) as { lang: string; strings: Record<string, string> };
    expect(['zh', 'en']).toContain(data.lang);
    expect(Object.keys(data.strings).length).toBeGreaterThan(5);
    expect(inlineScripts(html)).toEqual([]);
    expect(html).toContain('action="/logout"');
  });

  it('?lang= switches the page language and is remembered in a cookie', async () => {
    const cookie = await sessionCookie('agent1@demo.test');
    const en = await page('/agent?lang=en', { cookie });
    expect(en.headers.get('set-cookie')).toMatch(/lang=en/);
    expect(await en.text()).toContain('No conversations waiting — new ones appear here in real time.');
    const zh = await page('/agent', { cookie: `${cookie}; lang=zh`, 'accept-language': 'en' });
    expect(await zh.text()).toContain('暂无排队会话——新会话会实时出现在这里。');
  });
});

describe('widget page', () => {
  it('renders the chat shell for a known tenant, in the tenant language by default', async () => {
    const res = await page('/widget?tenant=demo');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('演示商城 Demo Mall');
    expect(html).toContain('您好！请问有什么可以帮您？');
    expect(html).toContain('src="/assets/widget.js"');
    expect(inlineScripts(html)).toEqual([]);
  });

  it('shows a friendly 404 for an unknown tenant, with the name escaped', async () => {
    const res = await page(`/widget?tenant=${encodeURIComponent('<b>nope</b>')}&lang=en`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('This chat is not available');
    expect(html).toContain('&lt;b&gt;nope&lt;/b&gt;');
    expect(html).not.toContain('<b>nope</b>');
  });
});

describe('static bits', () => {
  it('serves the stylesheet with the Chinese font in the stack', async () => {
    const res = await page('/ui/app.css');
    expect(res.headers.get('content-type')).toContain('text/css');
    expect(await res.text()).toContain('WenQuanYi Micro Hei');
  });

  it('/ sends people to sign in, or to their page when signed in', async () => {
    expect((await page('/')).headers.get('location')).toBe('/login');
    const res = await page('/', { cookie: await sessionCookie('supervisor@demo.test') });
    expect(res.headers.get('location')).toBe('/supervisor');
  });
});
