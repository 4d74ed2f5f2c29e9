import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /qa', () => {
  it('renders the workspace shell for qa and admin, with its island and the tenant in the export hint', async () => {
    for (const email of ['qa@demo.test', 'admin@demo.test']) {
      const res = await t.call('GET', '/qa?lang=en', { token: await t.login(email) });
      expect(res.status, email).toBe(200);
      const html = await res.text();
      expect(html).toContain('<h1>Quality and evaluation</h1>');
      expect(html).toContain('src="/assets/qa.js"');
      expect(html).toContain('npx tidedesk eval export --tenant demo');
      for (const tab of ['suites', 'runs', 'conversations', 'golden'])
        expect(html).toContain(`id="tab-${tab}"`);
      // The page hands its island only the strings it needs, in the page language.
      expect(html).toContain('"qa.case.save":"Save golden case"');
      expect(html).not.toContain('"admin.title"');
    }
  });

  it('is in Chinese with ?lang=zh, and the nav links to it for qa', async () => {
    const res = await t.call('GET', '/qa?lang=zh', { token: await t.login('qa@demo.test') });
    const html = await res.text();
    expect(html).toContain('<h1>质检与评测</h1>');
    expect(html).toMatch(/<a href="\/qa" aria-current="page">质检<\/a>/);
  });

  it('turns other roles away with a 403 page and sends signed-out people to sign in', async () => {
    const agent = await t.call('GET', '/qa', { token: await t.login('agent1@demo.test') });
    expect(agent.status).toBe(403);
    const anonymous = await t.call('GET', '/qa');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fqa');
  });

  it('a qa person lands on /qa after signing in', async () => {
    const res = await t.call('POST', '/login', {
      body: 'email=qa%40demo.test&password=tidedesk-demo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/qa');
  });
});
