/**
 * Security: logs and error responses never carry raw personal data. PII-laden traffic — good
 * requests, invalid bodies, malformed JSON, oversized bodies, conflicts, closed conversations,
 * refused reveals, the detect endpoint — runs through the real app with debug logging captured;
 * then every log line and every response body is searched for every raw value.
 */
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import {
  ADDRESS,
  approveOverride,
  CARD,
  CN_ID,
  claim,
  EMAIL,
  entityOf,
  messagesOf,
  openConversation,
  PHONE,
  RAW_VALUES,
  reveal,
  setSop,
} from './test-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const LADEN = `身份证${CN_ID}，卡号${CARD}，手机${PHONE}，邮箱${EMAIL}，地址${ADDRESS}`;
/** Raw values plus the forms a careless log might print them in. */
const NEEDLES = [...RAW_VALUES, PHONE.replace(/(\d{3})(\d{4})(\d{4})/, '$1 $2 $3'), CARD.slice(0, 12)];

describe('no raw personal data in logs or error bodies', () => {
  it('holds across successful, invalid, conflicting and refused requests', async () => {
    const bodies: string[] = [];
    const record = async (res: Response) => {
      bodies.push(`${res.status} ${await res.clone().text()}`);
      return res;
    };
    const customer = await t.customer();
    const agent = await t.login('agent1@demo.test');
    const other = await t.login('agent2@demo.test');
    const admin = await t.login('admin@demo.test');
    const conv = await openConversation(t, customer, LADEN);
    await setSop(t, conv.id, 'address-change');
    await claim(t, agent, conv.id);
    const path = `/api/v1/conversations/${conv.id}/messages`;
    const send = (token: string, body: unknown, headers: Record<string, string> = {}) =>
      t.call('POST', path, { token, body, headers }).then(record);

    expect((await send(customer, { text: LADEN, clientMessageId: 'c-2' })).status).toBe(201);
    // An agent draft in clear: blocked by compliance (422), then sent under a supervisor override.
    const draft = `请核对 ${PHONE} 和 ${EMAIL}`;
    expect((await send(agent, { text: draft, clientMessageId: 'a-1' })).status).toBe(422);
    const overrideId = await approveOverride(t, conv.id, draft);
    expect((await send(agent, { text: draft, clientMessageId: 'a-1', overrideId })).status).toBe(201);
    // Conflict: the same client id with different personal data.
    expect(
      (await send(customer, { text: `手机${PHONE.replace(/8$/, '9')}`, clientMessageId: 'c-2' })).status,
    ).toBe(409);
    // Invalid bodies.
    expect(
      (await send(customer, { text: `${LADEN}${'长'.repeat(30_000)}`, clientMessageId: 'c-3' })).status,
    ).toBe(413);
    expect(
      (await send(customer, { text: `${LADEN} ${'x'.repeat(8000)}`, clientMessageId: 'c-4' })).status,
    ).toBe(422);
    expect((await send(customer, { text: LADEN })).status).toBe(422);
    expect((await send(customer, { text: LADEN, clientMessageId: `bad id ${PHONE}` })).status).toBe(422);
    expect(
      (await send(customer, { text: 12345678901 as unknown as string, clientMessageId: 'c-5' })).status,
    ).toBe(422);
    expect((await send(customer, `{"text": "${LADEN}", "clientMessageId": `)).status).toBe(400);
    // Not the writer; not found; another tenant.
    expect((await send(other, { text: LADEN, clientMessageId: 'o-1' })).status).toBe(404);
    const outsider = await t.login('agent1@northwind.test');
    expect((await send(outsider, { text: LADEN, clientMessageId: 'n-1' })).status).toBe(404);
    const missing = await t
      .call('POST', '/api/v1/conversations/conv_nope/messages', {
        token: customer,
        body: { text: LADEN, clientMessageId: 'm-1' },
      })
      .then(record);
    expect(missing.status).toBe(404);
    // Reveals: refused (wrong agent), refused (step), allowed — with personal data in the reason.
    const [first] = await messagesOf(t, agent, conv.id);
    const phone = entityOf(first!, 'PHONE');
    const card = entityOf(first!, 'BANK_CARD');
    expect((await reveal(t, other, conv.id, phone.id, `核对 ${PHONE}`).then(record)).status).toBe(403);
    expect((await reveal(t, agent, conv.id, card.id, `卡号 ${CARD}`).then(record)).status).toBe(403);
    const allowed = await reveal(t, agent, conv.id, phone.id, `客户说手机是 ${PHONE}`);
    expect(allowed.status).toBe(200);
    // Detect: refused for an agent; the admin's result carries masks only.
    const det = await t
      .call('POST', '/api/v1/pii/detect', { token: agent, body: { text: LADEN } })
      .then(record);
    expect(det.status).toBe(403);
    expect(
      (await t.call('POST', '/api/v1/pii/detect', { token: admin, body: { text: LADEN } }).then(record))
        .status,
    ).toBe(200);
    // A value that does not decrypt: a warning in the log, a problem for the caller.
    await t.deps.db.run(sql`update pii_vault set iv = ${btoa('000000000000')} where id = ${phone.id}`);
    expect((await reveal(t, agent, conv.id, phone.id, `again ${PHONE}`).then(record)).status).toBe(409);
    // An internal failure while storing a message: the 500 is logged with its stack and query.
    await t.deps.db.run(sql`alter table pii_vault rename to pii_vault_away`);
    expect((await send(customer, { text: LADEN, clientMessageId: 'c-500' })).status).toBe(500);
    await t.deps.db.run(sql`alter table pii_vault_away rename to pii_vault`);
    // Resolved conversation: writing is a conflict.
    await t.call('POST', `/api/v1/conversations/${conv.id}/resolve`, { token: agent });
    expect((await send(customer, { text: LADEN, clientMessageId: 'c-6' })).status).toBe(409);
    // What everyone reads back afterwards, and the audit log (reasons masked on the way in).
    bodies.push(JSON.stringify(await messagesOf(t, customer, conv.id)));
    const audit = await t.call('GET', '/api/v1/audit', { token: admin });
    bodies.push(await audit.text());
    const exported = await t.call('GET', '/api/v1/audit/export?format=jsonl', { token: admin });
    bodies.push(await exported.text());

    expect(t.logs.some((l) => l.includes('vault entry could not be opened'))).toBe(true);
    expect(t.logs.some((l) => l.includes('unhandled error'))).toBe(true);
    const logs = t.logs.join('\n');
    for (const needle of NEEDLES) {
      expect(logs, `logs contain ${needle}`).not.toContain(needle);
      for (const body of bodies) expect(body, `a response contains ${needle}`).not.toContain(needle);
    }
  });
});
