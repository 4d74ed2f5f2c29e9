/**
 * The admin side of PII: trying the detectors, tenant patterns (validated for safety, used at
 * ingest at once), the reveal policy and the PII types each SOP step may reveal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import type { AuditEntryDto } from '../audit/audit.routes.ts';
import type { DetectResponse, SopPolicyDto } from './pii.routes.ts';
import { CN_ID, json, messagesOf, openConversation, PHONE } from './test-helpers.ts';

let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login('admin@demo.test');
});
afterEach(() => t.close());

const MEMBER = { type: 'MEMBER_ID', pattern: 'M\\d{8}', context: ['会员号'], maskStyle: 'last4' };

describe('POST /pii/detect', () => {
  it('returns entities with offsets in the input and in the masked text (admin and QA)', async () => {
    const text = `身份证 ${CN_ID}，手机 ${PHONE}`;
    for (const email of ['admin@demo.test', 'qa@demo.test']) {
      const res = await t.call('POST', '/api/v1/pii/detect', {
        token: await t.login(email),
        body: { text, lang: 'zh' },
      });
      expect(res.status).toBe(200);
      const body = await json<DetectResponse>(res);
      expect(body.masked).toBe('身份证 **************002X，手机 138****5678');
      expect(body.entities.map((e) => [e.type, text.slice(e.start, e.end), e.display])).toEqual([
        ['CN_ID', CN_ID, '**************002X'],
        ['PHONE', PHONE, '138****5678'],
      ]);
      for (const e of body.entities) expect(body.masked.slice(e.maskedStart, e.maskedEnd)).toBe(e.display);
    }
  });

  it('is refused to agents (403) and validates the text (422)', async () => {
    const agent = await t.login('agent1@demo.test');
    expect((await t.call('POST', '/api/v1/pii/detect', { token: agent, body: { text: 'x' } })).status).toBe(
      403,
    );
    const empty = await t.call('POST', '/api/v1/pii/detect', { token: admin, body: { text: '' } });
    expect(empty.status).toBe(422);
    expect(await json(empty)).toMatchObject({ errors: [expect.objectContaining({ path: 'body.text' })] });
  });
});

describe('tenant patterns', () => {
  it('a saved pattern masks membership numbers at ingest at once; removing it stops that', async () => {
    const put = await t.call('PUT', '/api/v1/pii/patterns', { token: admin, body: { items: [MEMBER] } });
    expect(put.status).toBe(200);
    expect(await json(put)).toMatchObject({ items: [expect.objectContaining({ type: 'MEMBER_ID' })] });
    const customer = await t.customer();
    const conv = await openConversation(t, customer, '我的会员号 M12345678，积分不见了');
    const [m] = await messagesOf(t, customer, conv.id);
    expect(m!.text).toBe('我的会员号 *****5678，积分不见了');
    expect(m!.pii!.entities.map((e) => e.type)).toEqual(['MEMBER_ID']);
    const detected = await json<DetectResponse>(
      await t.call('POST', '/api/v1/pii/detect', { token: admin, body: { text: '会员号 M87654321' } }),
    );
    expect(detected.entities.map((e) => e.type)).toEqual(['MEMBER_ID']);

    await t.call('PUT', '/api/v1/pii/patterns', { token: admin, body: { items: [] } });
    const other = await openConversation(t, await t.customer(), '我的会员号 M12345678', 'c-2');
    expect((await messagesOf(t, admin, other.id))[0]!.text).toBe('我的会员号 M12345678');
  });

  it('refuses dangerous or invalid patterns with 422 and the field path; nothing is stored', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ ...MEMBER, pattern: '(a+)+$' }, 'body.items.0.pattern', /unbounded|repeated group/],
      [{ ...MEMBER, pattern: '\\d*' }, 'body.items.0.pattern', /unbounded/],
      [{ ...MEMBER, pattern: '(x)\\1' }, 'body.items.0.pattern', /backreference/],
      [{ ...MEMBER, pattern: '[' }, 'body.items.0.pattern', /not a valid regular expression/],
      [{ ...MEMBER, type: 'member' }, 'body.items.0.type', /upper-case/],
    ];
    for (const [item, path, message] of cases) {
      const res = await t.call('PUT', '/api/v1/pii/patterns', {
        token: admin,
        body: { items: [MEMBER, item] },
      });
      expect(res.status, JSON.stringify(item)).toBe(422);
      const body = await json<{ errors: { path: string; message: string }[] }>(res);
      const expected = path.replace('items.0', 'items.1');
      expect(body.errors.find((e) => e.path === expected)?.message).toMatch(message);
    }
    const stored = await json<{ items: unknown[] }>(
      await t.call('GET', '/api/v1/pii/patterns', { token: admin }),
    );
    expect(stored.items).toEqual([]);
  });

  it('is for admins only, and every change is audited', async () => {
    const supervisor = await t.login('supervisor@demo.test');
    expect((await t.call('GET', '/api/v1/pii/patterns', { token: supervisor })).status).toBe(403);
    expect(
      (await t.call('PUT', '/api/v1/pii/patterns', { token: supervisor, body: { items: [MEMBER] } })).status,
    ).toBe(403);
    await t.call('PUT', '/api/v1/pii/patterns', { token: admin, body: { items: [MEMBER] } });
    const audit = await json<{ items: AuditEntryDto[] }>(
      await t.call('GET', '/api/v1/audit?action=pii.patterns', { token: admin }),
    );
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'pii.patterns.update',
        actorEmail: 'admin@demo.test',
        detail: { count: 1, types: ['MEMBER_ID'] },
      }),
    ]);
  });
});

describe('reveal policy', () => {
  it('has least-privilege defaults, validates changes and lists the types steps may use', async () => {
    const initial = await json(await t.call('GET', '/api/v1/pii/policy', { token: admin }));
    expect(initial).toMatchObject({ revealRoles: ['supervisor'], revealSeconds: 30 });
    expect((initial as { types: string[] }).types).toContain('ADDRESS');
    for (const body of [
      { revealRoles: ['agent'], revealSeconds: 30 },
      { revealRoles: [], revealSeconds: 0 },
      { revealRoles: [], revealSeconds: 3600 },
    ]) {
      expect((await t.call('PUT', '/api/v1/pii/policy', { token: admin, body })).status).toBe(422);
    }
    const put = await t.call('PUT', '/api/v1/pii/policy', {
      token: admin,
      body: { revealRoles: ['supervisor', 'admin'], revealSeconds: 10 },
    });
    expect(await json(put)).toMatchObject({ revealRoles: ['supervisor', 'admin'], revealSeconds: 10 });
    const agent = await t.login('agent1@demo.test');
    expect((await t.call('GET', '/api/v1/pii/policy', { token: agent })).status).toBe(403);
  });
});

describe('PII per SOP step', () => {
  async function addressChange() {
    const list = await json<{ items: SopPolicyDto[] }>(
      await t.call('GET', '/api/v1/pii/steps', { token: admin }),
    );
    const sop = list.items.find((s) => s.key === 'address-change')!;
    return { sop, step: (key: string) => sop.steps.find((s) => s.key === key)! };
  }

  it('lists every SOP with its steps and their PII types', async () => {
    const { step } = await addressChange();
    expect(step('greet').piiTypes).toEqual([]);
    expect(step('collect-new-address').piiTypes).toEqual(['ADDRESS', 'PHONE', 'PERSON']);
  });

  it('PUT sets a step list (built-in or tenant pattern types), refuses unknown types with the path', async () => {
    const { sop, step } = await addressChange();
    const path = `/api/v1/sops/${sop.id}/steps/${step('greet').id}/pii`;
    const bad = await t.call('PUT', path, { token: admin, body: { piiTypes: ['PHONE', 'MEMBER_ID'] } });
    expect(bad.status).toBe(422);
    expect(await json(bad)).toMatchObject({ errors: [{ path: 'body.piiTypes.1', code: 'unknown_type' }] });
    await t.call('PUT', '/api/v1/pii/patterns', { token: admin, body: { items: [MEMBER] } });
    const ok = await t.call('PUT', path, {
      token: admin,
      body: { piiTypes: ['PHONE', 'MEMBER_ID', 'PHONE'] },
    });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ key: 'greet', piiTypes: ['PHONE', 'MEMBER_ID'] });
    const detail = await json<{ steps: { key: string; piiTypes: string[] }[] }>(
      await t.call('GET', `/api/v1/sops/${sop.id}`, { token: admin }),
    );
    expect(detail.steps.find((s) => s.key === 'greet')!.piiTypes).toEqual(['PHONE', 'MEMBER_ID']);
  });

  it('another tenant admin cannot touch the step (404); agents cannot at all (403)', async () => {
    const { sop, step } = await addressChange();
    const path = `/api/v1/sops/${sop.id}/steps/${step('greet').id}/pii`;
    const outsider = await t.login('admin@northwind.test');
    expect((await t.call('PUT', path, { token: outsider, body: { piiTypes: ['PHONE'] } })).status).toBe(404);
    const agent = await t.login('agent1@demo.test');
    expect((await t.call('PUT', path, { token: agent, body: { piiTypes: ['PHONE'] } })).status).toBe(403);
    const { step: after } = await addressChange();
    expect(after('greet').piiTypes).toEqual([]);
  });
});
