/**
 * @module Test and simulation support: scripted trainee replies for the demo cards, taken from the
 * simulator's golden transcripts (eval/simulator/cases.jsonl and fresh.jsonl — good ones expected
 * to pass, careless ones expected to fail), and a seeded "improving trainee" that mixes them: at
 * skill q each reply is the good script's with probability q, else the careless script's reply at
 * that position (or nothing). Never imported by production code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '#src/core/simulation/random.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const FILES = ['eval/simulator/cases.jsonl', 'eval/simulator/fresh.jsonl'];

interface Case {
  id: string;
  scenario: string;
  trainee_turns: string[];
  expected: { passed: boolean };
}

export interface Scripts {
  good: string[][];
  bad: string[][];
}

let cache: Map<string, Scripts> | null = null;

/** Scripts per card id (demo and τ² cards that have golden transcripts). */
export function scriptsByCard(): Map<string, Scripts> {
  if (cache) return cache;
  const out = new Map<string, Scripts>();
  for (const file of FILES) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as Case;
      const s = out.get(c.scenario) ?? { good: [], bad: [] };
      (c.expected.passed ? s.good : s.bad).push(c.trainee_turns);
      out.set(c.scenario, s);
    }
  }
  cache = out;
  return out;
}

/** The first good script of a card (throws when the card has none). */
export function goodScript(cardId: string): string[] {
  const s = scriptsByCard().get(cardId)?.good[0];
  if (!s) throw new Error(`no good script for ${cardId}`);
  return s;
}

/**
 * Replies of a trainee at skill `q` (0 careless … 1 by the book) for a card, drawn with `seed`.
 * Cards without a good script get a generic careless reply list.
 */
export function improvingReplies(cardId: string, q: number, seed: number): string[] {
  const rng = createRandom(seed);
  const s = scriptsByCard().get(cardId);
  const good = s?.good.length ? s.good[Math.floor(rng.next() * s.good.length)]! : [];
  const bad = s?.bad.length ? s.bad[Math.floor(rng.next() * s.bad.length)]! : [];
  if (good.length === 0) return bad.length ? bad : ['Hello?', 'OK.', 'Bye.'];
  const out: string[] = [];
  good.forEach((reply, i) => {
    if (rng.next() < q) out.push(reply);
    else if (bad[i] !== undefined) out.push(bad[i]!);
  });
  return out.length ? out : [bad[0] ?? good[0]!];
}
