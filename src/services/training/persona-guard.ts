/**
 * @module Checks an LLM persona's line before the trainee sees it. Two ways a model spoils a
 * scenario: it steps out of the customer's role ("As an AI…", "this training scenario", "作为AI"),
 * or it tells a hidden fact the trainee has not earned by asking. A hidden fact counts as told when
 * its text appears in the line — verbatim, or most of its content words (English) / character
 * pairs (Chinese) are there, or one of its long numbers is. Pure; the caller discards the line and
 * uses the embedded engine's instead.
 */
import type { ScenarioCard } from '#assist/simulator/card.ts';

export type PersonaProblem =
  | { kind: 'broke-character'; cue: string }
  | { kind: 'leaked-hidden-fact'; key: string };

const OUT_OF_CHARACTER: readonly RegExp[] = [
  /\bas an? (ai|a\.i\.|language model|assistant|chatbot|bot)\b/i,
  /\b(i am|i'm) (an? )?(ai|a\.i\.|language model|virtual assistant|assistant|chatbot|bot|simulated customer|role-?playing)\b/i,
  /\blanguage model\b/i,
  /\b(scenario card|hidden facts?|known facts?|success criteria|the trainee|this (training|simulation|role-?play|exercise))\b/i,
  /\b(system prompt|my instructions|i was instructed|out of character|stay in character)\b/i,
  /(作为|我是)(一个|一名)?\s*(ai|人工智能|语言模型|智能助手|助手|机器人|模拟客户)/i,
  /(语言模型|系统提示|隐藏信息|场景卡|学员|培训场景|模拟训练|角色扮演|跳出角色)/,
];

const STOP = new Set(
  'the and for that this with was were are you your have has had not but can could would should will just about from they them then than there their what when which who into also very really been being only some more most such'.split(
    ' ',
  ),
);

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** Content units of a text: English words (3+ letters, no stop words) and Chinese character pairs. */
function units(text: string): Set<string> {
  const t = fold(text);
  const out = new Set<string>();
  for (const w of t.match(/[a-z][a-z']{2,}/g) ?? []) if (!STOP.has(w)) out.add(w.replace(/'s$/, ''));
  for (const run of t.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

const longNumbers = (text: string) => fold(text).match(/\d{4,}/g) ?? [];

/** Whether `line` tells the hidden fact `factText`. */
export function tellsFact(factText: string, line: string): boolean {
  const f = fold(factText).replace(/[\s。，！？.,!?]+$/u, '');
  const l = fold(line);
  if (f.length >= 6 && l.includes(f)) return true;
  if (longNumbers(factText).some((n) => l.includes(n))) return true;
  const need = units(factText);
  if (need.size < 3) return false;
  const have = units(line);
  let hit = 0;
  for (const u of need) if (have.has(u)) hit++;
  return hit / need.size >= 0.6;
}

/**
 * The first problem with an LLM persona line, or null. `mayTell` lists the hidden facts the trainee
 * has uncovered (told before or in this reply); any other hidden fact in the line is a leak.
 */
export function personaProblem(
  card: ScenarioCard,
  mayTell: readonly string[],
  line: string,
): PersonaProblem | null {
  for (const re of OUT_OF_CHARACTER) {
    const m = re.exec(line);
    if (m) return { kind: 'broke-character', cue: m[0] };
  }
  for (const fact of card.hiddenFacts) {
    if (mayTell.includes(fact.key)) continue;
    if (tellsFact(fact.text, line)) return { kind: 'leaked-hidden-fact', key: fact.key };
  }
  return null;
}
