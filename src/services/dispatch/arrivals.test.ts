/**
 * Many simultaneous arrivals through the conversation and dispatch services (no HTTP): every
 * conversation is classified, queued and — once an agent with room comes online — offered
 * exactly once, in the order it was queued; nothing is lost. (The pure dispatcher's own test
 * takes 10,000; through the database 2,000 keeps the run short on a shared 2-core machine.)
 */
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversationService } from '#src/services/conversations/conversation-service.ts';
import { createPiiService } from '#src/services/pii/index.ts';
import { createDispatchTestApp, type DispatchTestApp } from '../../../test/helpers/dispatch-app.ts';

const ARRIVALS = 2_000;

let t: DispatchTestApp;
beforeEach(async () => {
  t = await createDispatchTestApp();
});
afterEach(() => t.close());

describe('simultaneous arrivals through the services', () => {
  it(`${ARRIVALS} conversations at once: all queued, then each offered exactly once, in queue order`, {
    timeout: 120_000,
  }, async () => {
    const tenantId = await t.tenantId();
    const conversations = createConversationService({
      ...t.deps,
      dispatch: t.dispatch,
      pii: createPiiService(t.deps).ingest,
    });
    await t.deps.db.run(
      sql`insert into customers (id, tenant_id, created_at) values ('cus_storm', ${tenantId}, ${t.clock.now()})`,
    );
    const customer = { kind: 'customer' as const, customerId: 'cus_storm', tenantId };
    const texts = ['我需要开发票', 'I need an invoice for my order', 'Please issue a VAT invoice'];
    const created = await Promise.all(
      Array.from({ length: ARRIVALS }, (_, i) =>
        conversations.create(customer, { text: texts[i % texts.length]!, clientMessageId: `storm-${i}` }),
      ),
    );
    expect(new Set(created.map((c) => c.conversation.id)).size).toBe(ARRIVALS);
    await t.settle();
    const queued = await t.deps.db.all<{ n: number }>(
      sql`select count(*) as n from conversations where tenant_id = ${tenantId} and state = 'queued' and skill_id is not null and offered_to is null`,
    );
    expect(queued[0]?.n).toBe(ARRIVALS);

    // One agent with room for everything comes online.
    const agent4 = await t.userId('agent4@demo.test');
    await t.deps.db.run(sql`update users set max_concurrent = ${ARRIVALS} where id = ${agent4}`);
    await t.online(await t.login('agent4@demo.test'));

    const offered = await t.deps.db.all<{ conversation_id: string }>(
      sql`select conversation_id from events where type = 'dispatch.offered' order by id`,
    );
    expect(offered).toHaveLength(ARRIVALS);
    expect(new Set(offered.map((o) => o.conversation_id)).size).toBe(ARRIVALS);
    // Queue order = the order classification queued them (all arrived at the same instant).
    const classified = await t.deps.db.all<{ conversation_id: string }>(
      sql`select conversation_id from events where type = 'conversation.classified' order by id`,
    );
    expect(offered.map((o) => o.conversation_id)).toEqual(classified.map((c) => c.conversation_id));
    const unoffered = await t.deps.db.all<{ n: number }>(
      sql`select count(*) as n from conversations where tenant_id = ${tenantId} and (offered_to is null or offered_to != ${agent4})`,
    );
    expect(unoffered[0]?.n).toBe(0);
    const messages = await t.deps.db.all<{ n: number }>(
      sql`select count(*) as n from messages where tenant_id = ${tenantId}`,
    );
    expect(messages[0]?.n).toBe(ARRIVALS);
  });
});
