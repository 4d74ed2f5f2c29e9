/**
 * @module Proposes a golden case from a stored conversation for the suites a conversation can
 * feed — compliance (an agent message as the draft), intent (the opening customer message and
 * the SOP it was routed to), copilot (the history before an agent message, that message as the
 * reference, the SOP step guessed by position) and pii (a message's text). The QA person reviews
 * and corrects every field before saving; the proposal only saves typing. Stored messages are
 * already masked, so texts here never carry raw personal data, and the notes say so.
 */
import { and, asc, eq } from 'drizzle-orm';
import { CATEGORIES } from '#assist/compliance/types.ts';
import { detectLocale } from '#src/core/conversations/access.ts';
import { PII_TYPES } from '#src/core/pii/types.ts';
import type { Db } from '#src/db/client.ts';
import { conversations, type Message, messages } from '#src/db/schema/conversations.ts';
import { sopSteps, sops } from '#src/db/schema/sops.ts';
import { AppError, notFound } from '#src/http/problem.ts';

export const DRAFT_SUITES = ['compliance', 'intent', 'copilot', 'pii'] as const;
export type DraftSuite = (typeof DRAFT_SUITES)[number];

/** Why a field was filled as it was; the page shows each in the reader's language. */
export type DraftNote =
  | 'masked-text'
  | 'pii-entities-empty'
  | 'label-from-routing'
  | 'no-sop'
  | 'step-guessed'
  | 'expected-empty';

export interface CaseDraft {
  suite: DraftSuite;
  /** The proposed case, in the suite's schema. */
  case: Record<string, unknown>;
  /** The message the case is built from. */
  messageSeq: number;
  notes: DraftNote[];
  /** Choices for the fields a person labels. */
  options: {
    categories?: string[];
    labels?: string[];
    steps?: { key: string; titleZh: string; titleEn: string }[];
    entityTypes?: string[];
  };
}

type Msg = Pick<Message, 'seq' | 'authorRole' | 'text' | 'pii'>;

function pick(
  list: Msg[],
  seq: number | undefined,
  role: 'agent' | 'customer',
  fallback: 'first' | 'last',
): Msg {
  if (seq !== undefined) {
    const m = list.find((x) => x.seq === seq);
    if (!m) throw notFound('message');
    if (m.authorRole !== role) {
      throw new AppError(
        'validation_failed',
        `This suite is built from ${role === 'agent' ? 'an agent' : 'a customer'} message.`,
        [{ path: 'query.seq', message: `message ${seq} was written by the ${m.authorRole}` }],
      );
    }
    return m;
  }
  const ofRole = list.filter((x) => x.authorRole === role);
  const m = fallback === 'first' ? ofRole[0] : ofRole.at(-1);
  if (!m) {
    throw new AppError(
      'validation_failed',
      `This conversation has no ${role} message to build the case from.`,
      [{ path: 'query.seq', message: `no ${role} message` }],
    );
  }
  return m;
}

/** Build the proposal for `suite` from conversation `conversationId` of the tenant. */
export async function draftCase(
  db: Db,
  tenantId: string,
  conversationId: string,
  suite: DraftSuite,
  seq?: number,
): Promise<CaseDraft> {
  const [conv] = await db
    .select({ id: conversations.id, sopId: conversations.sopId })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.tenantId, tenantId)));
  if (!conv) throw notFound('conversation');
  const list: Msg[] = await db
    .select({ seq: messages.seq, authorRole: messages.authorRole, text: messages.text, pii: messages.pii })
    .from(messages)
    .where(eq(messages.conversationId, conv.id))
    .orderBy(asc(messages.seq));
  const sopRows = await db
    .select({ key: sops.key })
    .from(sops)
    .where(eq(sops.tenantId, tenantId))
    .orderBy(asc(sops.key));
  const [sop] = conv.sopId
    ? await db.select({ key: sops.key }).from(sops).where(eq(sops.id, conv.sopId))
    : [];
  const notes: DraftNote[] = [];
  const masked = (m: Msg) => {
    if (m.pii && m.pii.entities.length > 0 && !notes.includes('masked-text')) notes.push('masked-text');
  };
  const id = (m: Msg) => `qa-${conv.id}-${m.seq}`;

  if (suite === 'compliance') {
    const m = pick(list, seq, 'agent', 'last');
    masked(m);
    const customer = list.filter((x) => x.seq < m.seq && x.authorRole === 'customer').at(-1);
    const context = {
      ...(customer ? { customer: customer.text } : {}),
      ...(sop ? { sop: sop.key } : {}),
    };
    notes.push('expected-empty');
    return {
      suite,
      messageSeq: m.seq,
      case: {
        id: id(m),
        lang: detectLocale(m.text),
        draft: m.text,
        ...(Object.keys(context).length ? { context } : {}),
        expected: [],
      },
      notes,
      options: { categories: [...CATEGORIES] },
    };
  }

  if (suite === 'intent') {
    const m = pick(list, seq, 'customer', 'first');
    masked(m);
    notes.push(sop ? 'label-from-routing' : 'no-sop');
    return {
      suite,
      messageSeq: m.seq,
      case: { id: id(m), lang: detectLocale(m.text), text: m.text, label: sop?.key ?? 'none' },
      notes,
      options: { labels: [...sopRows.map((s) => s.key), 'none'] },
    };
  }

  if (suite === 'copilot') {
    const m = pick(list, seq, 'agent', 'last');
    const history = list
      .filter((x) => x.seq < m.seq && x.authorRole !== 'system' && x.text.trim() !== '')
      .map((x) => ({ role: x.authorRole as 'customer' | 'agent', text: x.text }));
    if (history.length === 0) {
      throw new AppError('validation_failed', 'Nothing was said before this agent message.', [
        { path: 'query.seq', message: 'pick a later agent message' },
      ]);
    }
    for (const x of list.filter((y) => y.seq <= m.seq)) masked(x);
    const steps = sop
      ? await db
          .select({ key: sopSteps.key, titleZh: sopSteps.titleZh, titleEn: sopSteps.titleEn })
          .from(sopSteps)
          .where(eq(sopSteps.sopId, conv.sopId!))
          .orderBy(asc(sopSteps.position))
      : [];
    // The nth agent reply usually answers the nth step; the person corrects it when not.
    const agentTurnsBefore = history.filter((x) => x.role === 'agent').length;
    const step = steps.length ? steps[Math.min(agentTurnsBefore, steps.length - 1)]!.key : 'none';
    notes.push(sop ? 'step-guessed' : 'no-sop');
    return {
      suite,
      messageSeq: m.seq,
      case: {
        id: id(m),
        lang: detectLocale(history.find((x) => x.role === 'customer')?.text ?? m.text),
        sop: sop?.key ?? null,
        history,
        expected_step: step,
        reference: m.text,
      },
      notes,
      options: { steps },
    };
  }

  // pii: the message asked for, else the first customer message that had personal data masked.
  let m: Msg | undefined;
  if (seq !== undefined) {
    m = list.find((x) => x.seq === seq);
    if (!m) throw notFound('message');
  } else {
    m =
      list.find((x) => x.authorRole === 'customer' && x.pii?.entities.length) ??
      pick(list, undefined, 'customer', 'first');
  }
  // Always said for pii: the text is what was stored, and stored text is masked.
  notes.push('masked-text', 'pii-entities-empty');
  return {
    suite,
    messageSeq: m.seq,
    case: { id: id(m), lang: detectLocale(m.text), text: m.text, entities: [] },
    notes,
    options: { entityTypes: [...PII_TYPES] },
  };
}
