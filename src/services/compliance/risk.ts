/**
 * @module Complaint risk in the database. Each message's signal is stored once (unique per client
 * message id, so a retried send adds nothing); the conversation's risk is then re-folded from its
 * stored signals and upserted only if it covers more messages than the stored one (concurrent
 * messages cannot overwrite a newer fold with an older one). Reaching `high` raises one
 * `compliance.risk` event — logged and published to the inbox stream, where supervisors see every
 * event of their tenant — until the risk falls back to low and may alert again.
 */
import { and, asc, count, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { complianceRisk, complianceRiskSignals, type RiskLevel } from '#src/db/schema/compliance.ts';
import { conversations, events } from '#src/db/schema/conversations.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { EventBus } from '#src/realtime/bus.ts';
import { COMPLIANCE_EVENTS } from './events.ts';
import {
  type ConversationRisk,
  foldRisk,
  RISK_THRESHOLDS,
  type RiskReason,
  type RiskSignal,
} from './risk-score.ts';

/** Signals folded per conversation (0.9^60 ≈ 0.002: older ones have decayed to nothing). */
const FOLD_WINDOW = 60;
/** Contacts counted for "repeated contact". */
export const RECENT_CONTACT_MS = 7 * 24 * 3600_000;
const CONTACTS_TTL_MS = 60_000;

export interface RiskConversation {
  id: string;
  tenantId: string;
  customerId: string;
  assigneeId: string | null;
}

export interface RiskView extends ConversationRisk {
  conversationId: string;
  alerted: boolean;
  updatedAt: number;
}

export interface RiskListItem extends RiskView {
  subject: string;
  state: string;
  assigneeId: string | null;
}

export function createRiskTracker(deps: { db: Db; clock: Clock; events: EventBus }) {
  const { db, clock } = deps;
  const contacts = new Map<string, { n: number; at: number }>();

  async function raiseAlert(conv: RiskConversation, risk: ConversationRisk, now: number) {
    const [subject] = await db
      .select({ subject: conversations.subject })
      .from(conversations)
      .where(eq(conversations.id, conv.id));
    const payload = {
      conversationId: conv.id,
      score: risk.score,
      level: risk.level,
      reasons: risk.reasons,
      subject: subject?.subject ?? '',
      threshold: RISK_THRESHOLDS.high,
    };
    // Marking the alert and logging it are one batch; a second writer finds it marked and logs nothing.
    const [, logged] = await db.batch([
      db.run(sql`update ${complianceRisk} set alerted_level = 'high'
        where conversation_id = ${conv.id} and level = 'high' and (alerted_level is null or alerted_level <> 'high')`),
      db.all<{
        id: number;
      }>(sql`insert into ${events} (tenant_id, conversation_id, seq, type, actor_id, payload, created_at)
        select ${conv.tenantId}, ${conv.id}, null, ${COMPLIANCE_EVENTS.risk}, null, ${JSON.stringify(payload)}, ${now}
        where changes() = 1
        returning id`),
    ]);
    const row = logged[0];
    if (!row) return;
    deps.events.publish({
      id: row.id,
      tenantId: conv.tenantId,
      conversationId: conv.id,
      seq: null,
      type: COMPLIANCE_EVENTS.risk,
      assigneeId: conv.assigneeId,
      recipientId: null,
      payload,
      createdAt: now,
    });
  }

  return {
    /** How many other conversations the customer opened in the last week. */
    async recentContacts(conv: RiskConversation): Promise<number> {
      // A customer's other conversations change rarely; a minute-old count is good enough.
      const hit = contacts.get(conv.id);
      if (hit && clock.now() - hit.at < CONTACTS_TTL_MS) return hit.n;
      const [row] = await db
        .select({ n: count() })
        .from(conversations)
        .where(
          and(
            eq(conversations.customerId, conv.customerId),
            ne(conversations.id, conv.id),
            gte(conversations.createdAt, clock.now() - RECENT_CONTACT_MS),
          ),
        );
      const n = row?.n ?? 0;
      if (contacts.size >= 5000) contacts.clear();
      contacts.set(conv.id, { n, at: clock.now() });
      return n;
    },

    /**
     * Stores one message's signal and updates the conversation's risk; null when this client
     * message id was recorded before (a retry).
     */
    async record(
      conv: RiskConversation,
      entry: { role: 'customer' | 'agent'; clientMessageId: string; signal: RiskSignal },
    ): Promise<ConversationRisk | null> {
      const now = clock.now();
      const inserted = await db
        .insert(complianceRiskSignals)
        .values({
          tenantId: conv.tenantId,
          conversationId: conv.id,
          clientMessageId: entry.clientMessageId,
          role: entry.role,
          score: entry.signal.score,
          reasons: entry.signal.reasons,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: complianceRiskSignals.id });
      if (inserted.length === 0) return null;
      const rows = await db
        .select({
          role: complianceRiskSignals.role,
          score: complianceRiskSignals.score,
          reasons: complianceRiskSignals.reasons,
        })
        .from(complianceRiskSignals)
        .where(eq(complianceRiskSignals.conversationId, conv.id))
        .orderBy(desc(complianceRiskSignals.id))
        .limit(FOLD_WINDOW);
      const folded = foldRisk(rows.reverse().map((r) => ({ ...r, reasons: r.reasons as RiskReason[] })));
      // Past the fold window the total needs counting (long conversations only).
      const total =
        rows.length < FOLD_WINDOW
          ? rows.length
          : ((
              await db
                .select({ n: count() })
                .from(complianceRiskSignals)
                .where(eq(complianceRiskSignals.conversationId, conv.id))
            )[0]?.n ?? rows.length);
      const risk = { ...folded, messages: total };
      await db.run(sql`insert into ${complianceRisk} (conversation_id, tenant_id, score, level, reasons, messages, alerted_level, updated_at)
        values (${conv.id}, ${conv.tenantId}, ${risk.score}, ${risk.level}, ${JSON.stringify(risk.reasons)}, ${risk.messages}, null, ${now})
        on conflict (conversation_id) do update set score = excluded.score, level = excluded.level,
          reasons = excluded.reasons, messages = excluded.messages, updated_at = excluded.updated_at,
          alerted_level = case when excluded.level = 'low' then null else ${complianceRisk.alertedLevel} end
        where excluded.messages > ${complianceRisk.messages}`);
      if (risk.level === 'high') await raiseAlert(conv, risk, now);
      return risk;
    },

    async get(tenantId: string, conversationId: string): Promise<RiskView | null> {
      const [row] = await db
        .select()
        .from(complianceRisk)
        .where(and(eq(complianceRisk.conversationId, conversationId), eq(complianceRisk.tenantId, tenantId)));
      return row ? view(row) : null;
    },

    /** Open conversations of the tenant at or above `minScore`, riskiest first. */
    async list(tenantId: string, minScore: number, limit: number): Promise<RiskListItem[]> {
      const rows = await db
        .select({
          risk: complianceRisk,
          subject: conversations.subject,
          state: conversations.state,
          assigneeId: conversations.assigneeId,
        })
        .from(complianceRisk)
        .innerJoin(conversations, eq(conversations.id, complianceRisk.conversationId))
        .where(
          and(
            eq(complianceRisk.tenantId, tenantId),
            gte(complianceRisk.score, minScore),
            sql`${conversations.state} in ('queued', 'assigned')`,
          ),
        )
        .orderBy(desc(complianceRisk.score), asc(complianceRisk.conversationId))
        .limit(limit);
      return rows.map((r) => ({
        ...view(r.risk),
        subject: r.subject,
        state: r.state,
        assigneeId: r.assigneeId,
      }));
    },
  };
}

function view(row: typeof complianceRisk.$inferSelect): RiskView {
  return {
    conversationId: row.conversationId,
    score: row.score,
    level: row.level as RiskLevel,
    reasons: row.reasons as RiskReason[],
    messages: row.messages,
    alerted: row.alertedLevel === 'high',
    updatedAt: row.updatedAt,
  };
}

export type RiskTracker = ReturnType<typeof createRiskTracker>;
