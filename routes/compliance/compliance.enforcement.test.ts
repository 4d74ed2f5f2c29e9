import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { events } from '#src/db/schema/conversations.ts';
import { OVERRIDE_TTL_MS } from '#src/services/compliance/overrides.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import type { FindingDto, OverrideDto } from './compliance.routes.ts';
import { editedPack, json, messageCount, openAssigned, savePack, send, withRule } from './test-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const BLOCKED = '您可以加我微信，我私下给您处理。';

interface BlockedProblem {
  status: number;
  code: string;
  detail: string;
  findings: FindingDto[];
  packVersion: number;
}

function requestOverride(
  token: string,
  conversationId: string,
  text: string,
  reason = 'customer asked to move to the official WeChat service account',
) {
  return t.call('POST', `/api/v1/conversations/${conversationId}/compliance/overrides`, {
    token,
    body: { text, reason },
  });
}

describe('enforcement on POST /conversations/{id}/messages', () => {
  it("refuses an agent's block-level draft with 422 compliance_blocked listing the findings; nothing is stored", async () => {
    const { agent, conversationId } = await openAssigned(t);
    const before = await messageCount(t, agent, conversationId);
    const res = await send(t, agent, conversationId, BLOCKED, 'a-1');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await json<BlockedProblem>(res);
    expect(body.code).toBe('compliance_blocked');
    expect(body.packVersion).toBe(1);
    expect(body.findings.length).toBeGreaterThan(0);
    expect(body.findings.every((f) => f.severity === 'block')).toBe(true);
    expect(body.findings.map((f) => BLOCKED.slice(f.start, f.end))).toContain('加我微信');
    expect(body.detail).toContain('加我微信');
    expect(await messageCount(t, agent, conversationId)).toBe(before);
  });

  it('lets warn-level drafts and clean drafts through', async () => {
    const { agent, conversationId } = await openAssigned(t);
    expect((await send(t, agent, conversationId, '这个我不知道，我帮您问一下。', 'a-1')).status).toBe(201);
    expect((await send(t, agent, conversationId, '您好，我马上为您查询物流。', 'a-2')).status).toBe(201);
  });

  it('does not check what customers write', async () => {
    const { customer, conversationId } = await openAssigned(t);
    expect((await send(t, customer, conversationId, '能加我微信吗？我保证不投诉', 'c-2')).status).toBe(201);
  });

  it('answers a retried clientMessageId with the stored message (200) even after the pack changed', async () => {
    const admin = await t.login('admin@demo.test');
    const { agent, conversationId } = await openAssigned(t);
    const lenient = editedPack((p) => {
      withRule(p, 'forbidden.off-platform.zh').enabled = false;
    });
    expect((await savePack(t, admin, lenient)).status).toBe(200);
    const first = await send(t, agent, conversationId, '加我微信', 'a-retry');
    expect(first.status).toBe(201);
    const { seq } = await json<{ seq: number }>(first);

    // The rule is back on: a new send of the same words is blocked, the retry is not.
    expect(
      (
        await savePack(
          t,
          admin,
          editedPack(() => {}),
        )
      ).status,
    ).toBe(200);
    expect((await send(t, agent, conversationId, '加我微信', 'a-new')).status).toBe(422);
    const retry = await send(t, agent, conversationId, '加我微信', 'a-retry');
    expect(retry.status).toBe(200);
    expect((await json<{ seq: number }>(retry)).seq).toBe(seq);
  });
});

describe('supervisor overrides', () => {
  it('supervisor approves for the exact text; the agent sends once with overrideId; request, approval and use are audited', async () => {
    const { agent, conversationId } = await openAssigned(t);
    const supervisor = await t.login('supervisor@demo.test');
    const created = await requestOverride(supervisor, conversationId, BLOCKED);
    expect(created.status).toBe(201);
    const override = await json<OverrideDto>(created);
    expect(override).toMatchObject({ status: 'approved', conversationId });
    expect(override.expiresAt! - override.approvedAt!).toBe(OVERRIDE_TTL_MS);
    expect(override.findings.map((f) => f.rule)).toContain('forbidden.off-platform.zh');

    // Another text under the same override is still blocked, and says why.
    const other = await send(t, agent, conversationId, '加我微信吧', 'a-0', override.id);
    expect(other.status).toBe(422);
    expect((await json<BlockedProblem>(other)).detail).toContain('different text');

    const sent = await send(t, agent, conversationId, BLOCKED, 'a-1', override.id);
    expect(sent.status).toBe(201);
    // Used once: a second message with it is blocked; a retry of the first is answered.
    const again = await send(t, agent, conversationId, BLOCKED, 'a-2', override.id);
    expect(again.status).toBe(422);
    expect((await json<BlockedProblem>(again)).detail).toContain('already used');
    expect((await send(t, agent, conversationId, BLOCKED, 'a-1', override.id)).status).toBe(200);

    const admin = await t.login('admin@demo.test');
    const audit = await json<{ items: { action: string; reason: string | null; conversationId: string }[] }>(
      await t.call('GET', '/api/v1/audit?action=compliance.override', { token: admin }),
    );
    expect(audit.items.map((i) => i.action).sort()).toEqual([
      'compliance.override.approved',
      'compliance.override.requested',
      'compliance.override.used',
    ]);
    expect(audit.items.every((i) => i.conversationId === conversationId)).toBe(true);
    expect(audit.items.find((i) => i.action === 'compliance.override.requested')?.reason).toContain('WeChat');
  });

  it('an approved override expires after its time', async () => {
    const { agent, conversationId } = await openAssigned(t);
    const supervisor = await t.login('supervisor@demo.test');
    const override = await json<OverrideDto>(await requestOverride(supervisor, conversationId, BLOCKED));
    t.clock.advance(OVERRIDE_TTL_MS + 1);
    const res = await send(t, agent, conversationId, BLOCKED, 'a-1', override.id);
    expect(res.status).toBe(422);
    expect((await json<BlockedProblem>(res)).detail).toContain('expired');
  });

  it('an agent asks, supervisors are notified, a supervisor approves, then it can be used', async () => {
    const { agent, conversationId } = await openAssigned(t);
    const asked = await requestOverride(agent, conversationId, BLOCKED, 'the customer insists, please check');
    expect(asked.status).toBe(201);
    const request = await json<OverrideDto>(asked);
    expect(request.status).toBe('requested');
    expect((await send(t, agent, conversationId, BLOCKED, 'a-1', request.id)).status).toBe(422);
    const logged = await t.deps.db
      .select()
      .from(events)
      .where(
        and(eq(events.conversationId, conversationId), eq(events.type, 'compliance.override_requested')),
      );
    expect(logged).toHaveLength(1);

    expect(
      (
        await t.call(
          'POST',
          `/api/v1/conversations/${conversationId}/compliance/overrides/${request.id}/approve`,
          { token: agent },
        )
      ).status,
    ).toBe(403);
    const supervisor = await t.login('supervisor@demo.test');
    const pending = await json<{ items: (OverrideDto & { subject: string })[] }>(
      await t.call('GET', '/api/v1/compliance/overrides/pending', { token: supervisor }),
    );
    expect(pending.items.map((o) => [o.id, o.subject])).toEqual([[request.id, '我的快递三天没动了']]);
    expect((await t.call('GET', '/api/v1/compliance/overrides/pending', { token: agent })).status).toBe(403);
    const approved = await t.call(
      'POST',
      `/api/v1/conversations/${conversationId}/compliance/overrides/${request.id}/approve`,
      { token: supervisor },
    );
    expect(approved.status).toBe(200);
    expect((await json<OverrideDto>(approved)).status).toBe('approved');
    expect((await send(t, agent, conversationId, BLOCKED, 'a-1', request.id)).status).toBe(201);
    const list = await json<{ items: OverrideDto[] }>(
      await t.call('GET', `/api/v1/conversations/${conversationId}/compliance/overrides`, {
        token: supervisor,
      }),
    );
    expect(list.items.map((o) => o.status)).toEqual(['used']);
  });

  it('refuses an override for text with nothing blocking (409) and for agents not on the conversation (404)', async () => {
    const { conversationId } = await openAssigned(t);
    const supervisor = await t.login('supervisor@demo.test');
    expect((await requestOverride(supervisor, conversationId, '您好，请稍等。')).status).toBe(409);
    const colleague = await t.login('agent2@demo.test');
    expect((await requestOverride(colleague, conversationId, BLOCKED)).status).toBe(404);
    const missing = await t.call('POST', `/api/v1/conversations/${conversationId}/compliance/overrides`, {
      token: supervisor,
      body: { text: BLOCKED },
    });
    expect(missing.status).toBe(422);
    expect((await json<{ errors: { path: string }[] }>(missing)).errors.map((e) => e.path)).toContain(
      'body.reason',
    );
  });
});
