/**
 * @module The send gate: what the conversation service runs before it stores a message.
 *
 * - Staff: the draft is checked with the tenant's compiled checker in the conversation's context
 *   (the same engine and pack the realtime check uses). Block-level findings stop the send with a
 *   422 `compliance_blocked` listing them — unless the message was stored before (a retried client
 *   message id is answered with the stored message even if the pack changed since) or the send
 *   names an approved override for this exact text, which is then used up.
 * - Everyone: the message's complaint-risk signal is recorded (once per client message id).
 *
 * Risk bookkeeping never stops a message: its failures are logged, not thrown.
 */
import { and, eq } from 'drizzle-orm';
import { isBlocked } from '#assist/compliance/engine.ts';
import type { Finding } from '#assist/compliance/types.ts';
import type { Principal } from '#src/core/auth/principal.ts';
import type { Db } from '#src/db/client.ts';
import { messages } from '#src/db/schema/conversations.ts';
import { AppError } from '#src/http/problem.ts';
import type { Logger } from '#src/ports/logger.ts';
import type { CheckerCache } from './checkers.ts';
import type { DraftContext } from './conversation-context.ts';
import type { SendFacts } from './conversation-facts.ts';
import type { Overrides } from './overrides.ts';
import type { RiskTracker } from './risk.ts';
import { agentSignal, customerSignal } from './risk-score.ts';

export interface GateInput {
  text: string;
  clientMessageId: string;
  /** An approved override for exactly this text (staff sends only). */
  overrideId?: string;
}

/** The block-level findings as the 422 lists them. */
export function blockedProblem(
  text: string,
  findings: readonly Finding[],
  packVersion: number,
  overrideProblem?: string,
) {
  const blocking = findings.filter((f) => f.severity === 'block');
  // Error messages never carry raw personal data: a PII finding is quoted by its masked rewrite.
  const quote = (f: Finding) => (f.category === 'pii_leak' ? f.rewrite : text.slice(f.start, f.end));
  const list = blocking.map((f) => `“${quote(f)}” — ${f.message}`).join('; ');
  const detail = overrideProblem
    ? `The message was not sent: ${list}. The override cannot be used: ${overrideProblem}.`
    : `The message was not sent: ${list}. Change the underlined words (a rewrite is suggested), or ask a supervisor for an override.`;
  return new AppError('compliance_blocked', detail, undefined, { findings: blocking, packVersion });
}

export function createSendGate(deps: {
  db: Db;
  logger: Logger;
  checkers: CheckerCache;
  /** The draft context of a conversation (memoised on its last message, shared with the check). */
  contextOf(conv: SendFacts): Promise<DraftContext>;
  risk: RiskTracker;
  overrides: Overrides;
}) {
  const { db, logger, checkers, contextOf, risk, overrides } = deps;

  const alreadyStored = async (conversationId: string, clientMessageId: string) =>
    (
      await db
        .select({ id: messages.id })
        .from(messages)
        .where(
          and(eq(messages.conversationId, conversationId), eq(messages.clientMessageId, clientMessageId)),
        )
    ).length > 0;

  async function recordRisk(
    conv: SendFacts,
    role: 'customer' | 'agent',
    clientMessageId: string,
    signal: () => Promise<ReturnType<typeof customerSignal>> | ReturnType<typeof customerSignal>,
  ) {
    try {
      await risk.record(conv, { role, clientMessageId, signal: await signal() });
    } catch (err) {
      logger.warn('compliance risk not recorded', { conversationId: conv.id, error: String(err) });
    }
  }

  return {
    async beforeMessage(conv: SendFacts, p: Principal, input: GateInput): Promise<void> {
      if (p.kind === 'customer') {
        await recordRisk(conv, 'customer', input.clientMessageId, async () =>
          customerSignal(input.text, await risk.recentContacts(conv)),
        );
        return;
      }
      const [tc, ctx] = await Promise.all([checkers.get(conv.tenantId), contextOf(conv)]);
      const findings = tc.checker.check(input.text, ctx.context);
      let overridden = false;
      if (isBlocked(findings)) {
        if (await alreadyStored(conv.id, input.clientMessageId)) return;
        if (!input.overrideId) throw blockedProblem(input.text, findings, tc.version);
        const problem = await overrides.use(p, conv, input.overrideId, input.text, input.clientMessageId);
        if (problem) throw blockedProblem(input.text, findings, tc.version, problem);
        overridden = true;
      }
      await recordRisk(conv, 'agent', input.clientMessageId, () => agentSignal(findings, overridden));
    },
  };
}
