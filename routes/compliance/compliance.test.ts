import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import type { PackVersionDto, StoredPackDto } from './compliance.routes.ts';
import { check, editedPack, json, openAssigned, savePack, send, setSop, withRule } from './test-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const spanOf = (text: string, f: { start: number; end: number }) => text.slice(f.start, f.end);

describe('POST /api/v1/compliance/check', () => {
  it('flags an off-platform phrase as block with offsets into the original draft', async () => {
    const agent = await t.login('agent1@demo.test');
    const text = '您好！您可以加我微信私聊，我发您链接。';
    const { res, body } = await check(t, agent, text);
    expect(res.status).toBe(200);
    expect(body!.blocked).toBe(true);
    const offPlatform = body!.findings.filter((f) => f.category === 'forbidden_phrase');
    expect(offPlatform.map((f) => spanOf(text, f))).toContain('加我微信');
    expect(offPlatform.every((f) => f.severity === 'block' && f.rewrite.length > 0)).toBe(true);
    expect(body!.packVersion).toBe(1);
    expect(body!.judge.outcome).toBe('not-needed');
  });

  it('finds nothing in polite drafts that use trigger words (hard negatives)', async () => {
    const agent = await t.login('agent1@demo.test');
    for (const text of [
      '我们无法保证送达时间，我会帮您持续跟进。',
      "I don't know yet, I'll check and get back to you.",
    ]) {
      const { body } = await check(t, agent, text);
      expect(body, text).toMatchObject({ findings: [], blocked: false });
    }
  });

  it('answers an empty draft with no findings (200)', async () => {
    const agent = await t.login('agent1@demo.test');
    for (const text of ['', '   \n ']) {
      const { res, body } = await check(t, agent, text);
      expect(res.status).toBe(200);
      expect(body).toMatchObject({ findings: [], blocked: false });
    }
  });

  it('checks mixed Chinese and English in one draft', async () => {
    const agent = await t.login('agent1@demo.test');
    const text = '好的亲，I guarantee it arrives tomorrow，您也可以加我微信。';
    const { body } = await check(t, agent, text);
    const spans = body!.findings.map((f) => [f.category, spanOf(text, f)]);
    expect(spans).toContainEqual(['unauthorized_promise', 'I guarantee']);
    expect(spans).toContainEqual(['forbidden_phrase', '加我微信']);
    expect(body!.blocked).toBe(true);
  });

  it('sees through full-width letters and spacing tricks, reporting the spans as typed', async () => {
    const agent = await t.login('agent1@demo.test');
    const spaced = '这个问题我不 知 道。';
    const fullWidth = 'I ｇｕａｒａｎｔｅｅ a refund by Friday.';
    const a = await check(t, agent, spaced);
    expect(a.body!.findings.map((f) => [f.rule, spanOf(spaced, f)])).toContainEqual([
      'forbidden.dont-know.zh',
      '不 知 道',
    ]);
    const b = await check(t, agent, fullWidth);
    const promise = b.body!.findings.find((f) => f.category === 'unauthorized_promise');
    expect(promise && spanOf(fullWidth, promise)).toContain('ｇｕａｒａｎｔｅｅ');
    expect(b.body!.blocked).toBe(true);
  });

  it('fills in the SOP and current step from the conversation, and its risk', async () => {
    const { agent, conversationId } = await openAssigned(t, '我要退款，订单还没发货');
    await setSop(t, conversationId, 'refund');
    const { res, body } = await check(t, agent, '好的，我来帮您处理。', conversationId);
    expect(res.status).toBe(200);
    expect(body!.context.sop).toBe('refund');
    expect(body!.context.step).toEqual(expect.any(String));
    expect(body!.riskScore).toEqual(expect.any(Number));
  });

  it("does not blame the agent for repeating the customer's words as reported speech", async () => {
    const { agent, customer, conversationId } = await openAssigned(t, '你们客服是不是傻，我问了三遍了');
    expect((await send(t, customer, conversationId, '你们客服是不是傻', 'c-2')).status).toBe(201);
    const text = '您说你们客服是不是傻，非常抱歉让您有这样的感受，我马上帮您处理。';
    const alone = await check(t, agent, text);
    expect(alone.body!.findings.filter((f) => f.category === 'rude_tone')).not.toEqual([]);
    const inContext = await check(t, agent, text, conversationId);
    expect(inContext.body!.findings.filter((f) => f.category === 'rude_tone')).toEqual([]);
  });

  it('lets trainees and QA check drafts', async () => {
    for (const email of ['trainee1@demo.test', 'qa@demo.test', 'supervisor@demo.test', 'admin@demo.test']) {
      const token = await t.login(email);
      expect((await check(t, token, '加我微信')).res.status, email).toBe(200);
    }
  });
});

describe('rule packs', () => {
  it('GET /rule-pack serves the shipped pack as version 1 on first use', async () => {
    const admin = await t.login('admin@demo.test');
    const res = await t.call('GET', '/api/v1/compliance/rule-pack', { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    const body = await json<StoredPackDto>(res);
    expect(body.version).toBe(1);
    expect(body.createdBy).toBeNull();
    expect((body.pack as { id: string; rules: unknown[] }).id).toBe('ecommerce-default');
    expect((body.pack as { rules: unknown[] }).rules.length).toBeGreaterThanOrEqual(27);
  });

  it('PUT saves the next version, history lists both, and the next check uses it at once', async () => {
    const admin = await t.login('admin@demo.test');
    const agent = await t.login('agent1@demo.test');
    expect((await check(t, agent, '加我微信')).body!.blocked).toBe(true);
    const pack = editedPack((p) => {
      p.version = 99; // ignored: the store numbers versions
      withRule(p, 'forbidden.off-platform.zh').enabled = false;
    });
    const saved = await savePack(t, admin, pack);
    expect(saved.status).toBe(200);
    const body = await json<StoredPackDto>(saved);
    expect(body.version).toBe(2);
    expect((body.pack as { version: number }).version).toBe(2);
    expect(body.createdBy).toEqual(expect.any(String));

    const after = await check(t, agent, '加我微信');
    expect(after.body!.packVersion).toBe(2);
    expect(after.body!.blocked).toBe(false);

    const versions = await json<{ items: PackVersionDto[] }>(
      await t.call('GET', '/api/v1/compliance/rule-pack/versions', { token: admin }),
    );
    expect(versions.items.map((v) => [v.version, v.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions.items[0]!.createdByName).toEqual(expect.any(String));
    const v1 = await t.call('GET', '/api/v1/compliance/rule-pack/versions/1', { token: admin });
    expect(((await json<StoredPackDto>(v1)).pack as { version: number }).version).toBe(1);
    expect((await t.call('GET', '/api/v1/compliance/rule-pack/versions/7', { token: admin })).status).toBe(
      404,
    );
  });

  it('PUT with a stale If-Match is refused with 409 and saves nothing', async () => {
    const admin = await t.login('admin@demo.test');
    const pack = editedPack(() => {});
    expect((await savePack(t, admin, pack, { 'if-match': '"1"' })).status).toBe(200);
    const stale = await savePack(t, admin, pack, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    const current = await json<StoredPackDto>(
      await t.call('GET', '/api/v1/compliance/rule-pack', { token: admin }),
    );
    expect(current.version).toBe(2);
  });

  it('records each save in the audit log', async () => {
    const admin = await t.login('admin@demo.test');
    await savePack(
      t,
      admin,
      editedPack(() => {}),
    );
    const res = await t.call('GET', '/api/v1/audit?action=compliance.rule_pack', { token: admin });
    const { items } = await json<{ items: { action: string; detail: { version: number } }[] }>(res);
    expect(items.map((i) => [i.action, i.detail.version])).toEqual([['compliance.rule_pack.saved', 2]]);
  });
});
