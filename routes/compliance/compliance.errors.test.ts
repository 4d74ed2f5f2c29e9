import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPack } from '#assist/compliance/default-pack.ts';
import { demoComplianceKnowledge } from '#assist/compliance/demo-knowledge.ts';
import { createComplianceChecker } from '#assist/compliance/engine.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { MAX_CHECK_CHARS, type StoredPackDto } from './compliance.routes.ts';
import { check, editedPack, json, openAssigned, savePack } from './test-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

/** A long bilingual paste with a few violations sprinkled in. */
function paste(chars: number, unit: string): string {
  let out = '';
  while (out.length < chars) out += unit;
  return out.slice(0, chars);
}

describe('long pastes', () => {
  it('checks a 50,000-character paste through the API in bounded time', async () => {
    const agent = await t.login('agent1@demo.test');
    const text = paste(50_000, 'Your parcel is on its way. I guarantee it arrives. Add me on WeChat!!! ');
    const started = performance.now();
    const { res, body } = await check(t, agent, text);
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    expect(body!.blocked).toBe(true);
    expect(body!.findings.every((f) => f.end <= text.length)).toBe(true);
    expect(ms).toBeLessThan(3_000);
  });

  it('refuses a paste over the body limit with 413 before checking it', async () => {
    const agent = await t.login('agent1@demo.test');
    // 50,000 Han characters are 150 kB of UTF-8: over the 64 kB API body limit.
    const { res } = await check(t, agent, paste(50_000, '您好，我保证明天一定到，加我微信。'));
    expect(res.status).toBe(413);
    expect(((await res.json()) as Problem).code).toBe('payload_too_large');
  });

  it('refuses text over the check limit with 422 naming body.text', async () => {
    const agent = await t.login('agent1@demo.test');
    const { res } = await check(t, agent, 'a'.repeat(MAX_CHECK_CHARS + 1));
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual(['body.text']);
  });

  it('the engine itself checks 50,000 bilingual characters in bounded time', () => {
    const checker = createComplianceChecker(defaultPack(), {
      detector: createPiiDetector(),
      knowledge: demoComplianceKnowledge(),
    });
    const text = paste(
      50_000,
      '您好，退款3-5个工作日到账。I guarantee it! 加我微信 13812345678。Did you even read it? ',
    );
    checker.check(text.slice(0, 1000));
    const started = performance.now();
    const findings = checker.check(text);
    const ms = performance.now() - started;
    expect(findings.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(2_000);
  });
});

describe('rule pack validation on save', () => {
  it('rejects a catastrophic pattern naming the field, and saves nothing', async () => {
    const admin = await t.login('admin@demo.test');
    const pack = editedPack((p) => {
      p.rules[3] = { ...p.rules[3]!, matcher: { kind: 'pattern', pattern: '(a+)+$' } };
    });
    const res = await savePack(t, admin, pack);
    expect(res.status).toBe(422);
    const body = await json<Problem>(res);
    expect(body.code).toBe('validation_failed');
    expect(body.errors?.map((e) => e.path)).toEqual(['body.rules.3.matcher.pattern']);
    const current = await json<StoredPackDto>(
      await t.call('GET', '/api/v1/compliance/rule-pack', { token: admin }),
    );
    expect(current.version).toBe(1);
  });

  it('rejects a pattern that does not compile, a bad severity and a duplicate rule id, each by path', async () => {
    const admin = await t.login('admin@demo.test');
    const pack = editedPack((p) => {
      p.rules[3] = { ...p.rules[3]!, matcher: { kind: 'pattern', pattern: '([a-z]' } };
      (p.rules[0] as { severity: string }).severity = 'fatal';
    });
    const body = await json<Problem>(await savePack(t, admin, pack));
    expect(body.errors?.map((e) => e.path).sort()).toEqual([
      'body.rules.0.severity',
      'body.rules.3.matcher.pattern',
    ]);
    const duplicate = editedPack((p) => {
      p.rules[5] = { ...p.rules[5]!, id: p.rules[4]!.id };
    });
    const dup = await json<Problem>(await savePack(t, admin, duplicate));
    expect(dup.errors?.map((e) => e.path)).toEqual(['body.rules.5.id']);
  });

  it('rejects a body that is not a pack, and malformed JSON', async () => {
    const admin = await t.login('admin@demo.test');
    const empty = await json<Problem>(await savePack(t, admin, { id: 'x', version: 1, rules: [] }));
    expect(empty.errors?.map((e) => e.path)).toEqual(['body.rules']);
    const broken = await t.call('PUT', '/api/v1/compliance/rule-pack', { token: admin, body: '{"rules": [' });
    expect(broken.status).toBe(400);
  });
});

describe('access and tenant isolation', () => {
  it('needs a staff session of the right role', async () => {
    const customer = await t.customer();
    expect((await check(t, customer, 'hi')).res.status).toBe(403);
    expect((await t.call('POST', '/api/v1/compliance/check', { body: { text: 'hi' } })).status).toBe(401);
    for (const email of ['agent1@demo.test', 'supervisor@demo.test']) {
      const token = await t.login(email);
      expect(
        (
          await savePack(
            t,
            token,
            editedPack(() => {}),
          )
        ).status,
        email,
      ).toBe(403);
    }
    const agent = await t.login('agent1@demo.test');
    expect((await t.call('GET', '/api/v1/compliance/rule-pack', { token: agent })).status).toBe(403);
  });

  it("keeps each tenant's pack its own", async () => {
    const demoAdmin = await t.login('admin@demo.test');
    const lenient = editedPack((p) => {
      for (const r of p.rules) if (r.id.startsWith('forbidden.off-platform')) r.enabled = false;
    });
    expect((await savePack(t, demoAdmin, lenient)).status).toBe(200);
    const nwAdmin = await t.login('admin@northwind.test');
    const nwPack = await json<StoredPackDto>(
      await t.call('GET', '/api/v1/compliance/rule-pack', { token: nwAdmin }),
    );
    expect(nwPack.version).toBe(1);
    const nwAgent = await t.login('agent1@northwind.test');
    expect((await check(t, nwAgent, 'Add me on WeChat')).body!.blocked).toBe(true);
    const demoAgent = await t.login('agent1@demo.test');
    expect((await check(t, demoAgent, 'Add me on WeChat')).body!.blocked).toBe(false);
  });

  it("cannot check against, override or read the risk of another tenant's conversation (404)", async () => {
    const { conversationId } = await openAssigned(
      t,
      'Where is my order?',
      'agent1@northwind.test',
      'northwind',
    );
    const demoSupervisor = await t.login('supervisor@demo.test');
    expect((await check(t, demoSupervisor, 'hello', conversationId)).res.status).toBe(404);
    const override = await t.call('POST', `/api/v1/conversations/${conversationId}/compliance/overrides`, {
      token: demoSupervisor,
      body: { text: 'Add me on WeChat', reason: 'testing isolation' },
    });
    expect(override.status).toBe(404);
  });
});
