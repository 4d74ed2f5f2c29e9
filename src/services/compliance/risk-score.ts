/**
 * @module Complaint risk, pure. Each message gets a signal: a customer's words (threats to
 * complain — 投诉 / 12315 / 曝光 / "report you" —, anger, "third time" and other repeated-contact
 * wording, all caps, !!!), their contacts in the last days, and what the agent actually sent
 * (warn-level tone or dismissive wording, an overridden block). A message's signal is the noisy-OR
 * of its parts; the conversation's score folds the signals in order, the old score decaying a
 * little with every message (a conversation that calms down loses its risk), plus a bump when a
 * customer message is angrier than the one before (escalation). Text is folded first, so
 * full-width letters and spacing tricks ("投 诉", ＲＥＰＯＲＴ) count the same.
 */
import { buildView } from '#assist/compliance/text-view.ts';
import type { Finding } from '#assist/compliance/types.ts';
import type { RiskLevel } from '#src/db/schema/compliance.ts';

export const RISK_REASONS = [
  'complaint_threat',
  'anger',
  'repeated_contact',
  'all_caps',
  'exclamation',
  'escalating',
  'agent_tone',
  'agent_dismissive',
  'agent_promise',
  'agent_override',
] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/** How much each signal alone points to a complaint (0–1). */
export const RISK_WEIGHTS: Record<RiskReason, number> = {
  complaint_threat: 0.6,
  anger: 0.3,
  repeated_contact: 0.2,
  all_caps: 0.25,
  exclamation: 0.1,
  escalating: 0.15,
  agent_tone: 0.2,
  agent_dismissive: 0.15,
  agent_promise: 0.1,
  agent_override: 0.25,
};

/** Score at or above which a level applies. `high` raises the supervisor alert. */
export const RISK_THRESHOLDS = { elevated: 0.35, high: 0.6 } as const;
/** Share of the previous score kept when a new message arrives. */
export const RISK_DECAY = 0.9;

const COMPLAINT_THREAT: readonly RegExp[] = [
  /投诉|12315|12345|曝光|消协|消费者协会|工商局?|市场监管|媒体|记者|差评|起诉|告你们|律师|法院|举报|维权|黑猫|上热搜|发微博|发抖音/u,
  /\b(complain(t|ts|ing)?|report (you|this|it)|lawyers?|sue|suing|legal action|bbb|better business bureau|consumer (protection|rights)|regulators?|chargebacks?|dispute (the|this) charge|bad review|(1|one)[- ]star|go public|social media|trading standards|ombudsman)\b/,
];
const ANGER: readonly RegExp[] = [
  /太差|垃圾|气死|骗子|坑人|什么破|搞什么|无语|离谱|忍无可忍|恶心|欺骗|骗人|太过分|受够|废物|有病|烂透|坑爹|坑钱/u,
  /\b(ridiculous|unacceptable|terrible|worst|scam|furious|angry|useless|disgusting|fed up|wtf|rip-?off|pathetic|outrageous|sick of|incompetent|joke|liars?|lied)\b/,
];
const REPEATED: readonly RegExp[] = [
  /第[二三四五六七八九十几2-9]次|又来|再次联系|多少次|好几次|说了多少遍|一直没|还是没|到现在还|催了/u,
  /\b(again|second time|third time|fourth time|how many times|still (not|no|hasn't|haven't|waiting)|keep (asking|calling|contacting|chasing)|every time|already (asked|told|contacted|called))\b/,
];
const EXCLAIM = /[!！]{2,}|[?？]{3,}/u;

/** What one message contributes. */
export interface RiskSignal {
  score: number;
  reasons: RiskReason[];
}

export interface ConversationRisk {
  score: number;
  level: RiskLevel;
  /** Strongest first. */
  reasons: RiskReason[];
  messages: number;
}

const noisyOr = (weights: readonly number[]) => 1 - weights.reduce((p, w) => p * (1 - w), 1);

function signal(reasons: Set<RiskReason>): RiskSignal {
  const list = [...reasons].sort((a, b) => RISK_WEIGHTS[b] - RISK_WEIGHTS[a]);
  return { score: round(noisyOr(list.map((r) => RISK_WEIGHTS[r]))), reasons: list };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function shouting(text: string): boolean {
  const letters = text.normalize('NFKC').replace(/[^A-Za-z]/g, '');
  if (letters.length < 8) return false;
  const upper = letters.replace(/[^A-Z]/g, '').length;
  return upper / letters.length >= 0.7;
}

/**
 * The signal of a customer message. `recentContacts` is how many other conversations the customer
 * opened lately (two or more counts as repeated contact).
 */
export function customerSignal(text: string, recentContacts = 0): RiskSignal {
  const folded = buildView(text.slice(0, 8000)).text;
  const reasons = new Set<RiskReason>();
  if (COMPLAINT_THREAT.some((re) => re.test(folded))) reasons.add('complaint_threat');
  if (ANGER.some((re) => re.test(folded))) reasons.add('anger');
  if (REPEATED.some((re) => re.test(folded)) || recentContacts >= 2) reasons.add('repeated_contact');
  if (shouting(text)) reasons.add('all_caps');
  if (EXCLAIM.test(text)) reasons.add('exclamation');
  return signal(reasons);
}

/** The signal of what an agent sent (its findings, and whether a block was overridden). */
export function agentSignal(findings: readonly Finding[], overridden: boolean): RiskSignal {
  const reasons = new Set<RiskReason>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    if (f.category === 'rude_tone') reasons.add('agent_tone');
    if (f.category === 'forbidden_phrase') reasons.add('agent_dismissive');
    if (f.category === 'unauthorized_promise') reasons.add('agent_promise');
  }
  if (overridden) reasons.add('agent_override');
  return signal(reasons);
}

export function levelOf(score: number): RiskLevel {
  if (score >= RISK_THRESHOLDS.high) return 'high';
  if (score >= RISK_THRESHOLDS.elevated) return 'elevated';
  return 'low';
}

/** Folds the signals of a conversation, oldest first. */
export function foldRisk(
  signals: readonly (RiskSignal & { role: 'customer' | 'agent' })[],
): ConversationRisk {
  let score = 0;
  let lastCustomer: number | null = null;
  const weight = new Map<RiskReason, number>();
  for (const s of signals) {
    const reasons = [...s.reasons];
    let own = s.score;
    if (s.role === 'customer') {
      if (lastCustomer !== null && s.score >= 0.3 && s.score > lastCustomer + 0.1) {
        own = noisyOr([own, RISK_WEIGHTS.escalating]);
        reasons.push('escalating');
      }
      lastCustomer = s.score;
    }
    score = noisyOr([RISK_DECAY * score, own]);
    for (const [r, w] of weight) weight.set(r, w * RISK_DECAY);
    for (const r of reasons) weight.set(r, Math.max(weight.get(r) ?? 0, RISK_WEIGHTS[r]));
  }
  score = round(score);
  const reasons = [...weight.entries()]
    .filter(([, w]) => w >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([r]) => r);
  return { score, level: levelOf(score), reasons, messages: signals.length };
}
