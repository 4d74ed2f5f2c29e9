/**
 * @module `interview` benchmark: the scale target — 10,000 synthetic candidates, each with
 * 3–5 text answers and a 2-minute typing-test keystroke log, scored embedded (answer scorer +
 * typing metrics + scorecard) in under 2 minutes. Candidates are generated deterministically
 * (seeded) from the authored interview questions (eval/interview/cases.jsonl): answers are
 * assembled from reference clauses, rubric examples and off-topic lines in proportion to a
 * candidate's ability; typing logs vary speed, errors, corrections, IME commits, pastes and a few
 * scripted rhythms. Generation is timed apart from scoring. Baseline in the same run: scoring a
 * sample with no question-profile cache (every answer rebuilds its question's TF-IDF profile),
 * reported as a ratio. Single-threaded: it meets the target with room to spare on this machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng, type Rng } from '#assist/embedded/random.ts';
import {
  type AnswerItem,
  analyzeTyping,
  buildScorecard,
  createProfileCache,
  fitAnswerScorer,
  type KeystrokeEvent,
  type ProfileCache,
  type Recommendation,
  type ScorerCalibration,
  scoreAnswer,
} from '#assist/interview/index.ts';
import { chinesePassage, englishPassage, simulateTyping } from '#assist/interview/testing/keystroke-log.ts';
import { clauseSpans } from '#assist/interview/text-units.ts';
import { type InterviewCase, InterviewCaseSchema } from '../eval/interview/case.ts';
import { questionKey, toItem } from '../eval/interview/predictor.ts';
import { summarize } from './lib/stats.ts';
import { type BenchContext, type Benchmark, target } from './lib/types.ts';

const TYPING_MS = 120_000;

interface QuestionBank {
  id: string;
  item: Omit<AnswerItem, 'answer'>;
  lang: 'zh' | 'en';
  /** Clauses of the reference and the top-level examples: what a strong answer says. */
  good: string[];
  /** Clauses of low-level examples and weak authored answers. */
  weak: string[];
}

interface Candidate {
  id: string;
  lang: 'zh' | 'en';
  answers: AnswerItem[];
  typing: { passage: string; finalText: string; events: KeystrokeEvent[] };
}

const OFF_TOPIC: Record<'zh' | 'en', string[]> = {
  zh: ['我平时喜欢打篮球', '我觉得这份工作很有意思', '我们公司的产品很好', '这个问题我没想过'],
  en: [
    'I like working in a team',
    'I am a quick learner',
    'I have used many computer programs',
    'I never thought about it',
  ],
};

function clausesOf(text: string): string[] {
  return clauseSpans(text).map((s) => text.slice(s.start, s.end));
}

function loadBank(root: string): QuestionBank[] {
  const lines = readFileSync(join(root, 'eval/interview/cases.jsonl'), 'utf8').split('\n').filter(Boolean);
  const cases = lines.map((l) => InterviewCaseSchema.parse(JSON.parse(l)));
  const byQuestion = new Map<string, InterviewCase[]>();
  for (const c of cases) byQuestion.set(questionKey(c), [...(byQuestion.get(questionKey(c)) ?? []), c]);
  return [...byQuestion].map(([id, qs]) => {
    const c = qs[0]!;
    const { answer: _a, ...item } = toItem(c);
    const refs = typeof c.reference === 'string' ? [c.reference] : (c.reference ?? []);
    const levels = c.rubric ?? [];
    return {
      id,
      item,
      lang: c.lang,
      good: [
        ...refs.flatMap(clausesOf),
        ...levels.filter((l) => l.level >= 4).flatMap((l) => (l.examples ?? []).flatMap(clausesOf)),
      ],
      weak: [
        ...levels.filter((l) => l.level <= 2).flatMap((l) => (l.examples ?? []).flatMap(clausesOf)),
        ...qs.filter((x) => x.human_score <= 2).flatMap((x) => clausesOf(x.answer)),
      ],
    };
  });
}

function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  return rng.shuffle([...items]).slice(0, Math.max(0, Math.min(n, items.length)));
}

function makeAnswer(rng: Rng, q: QuestionBank, ability: number): string {
  const goodCount = Math.round(ability * 5 + (rng.next() - 0.5) * 2);
  const parts = [
    ...sample(rng, q.good, goodCount),
    ...(rng.next() > ability ? sample(rng, q.weak, 1 + rng.int(2)) : []),
    ...(rng.next() < 0.1 ? [rng.pick(OFF_TOPIC[q.lang])] : []),
  ];
  if (parts.length === 0) parts.push(rng.pick(OFF_TOPIC[q.lang]));
  const sep = q.lang === 'zh' ? '，' : ', ';
  return rng.shuffle(parts).join(sep) + (q.lang === 'zh' ? '。' : '.');
}

function makeCandidate(bank: readonly QuestionBank[], index: number): Candidate {
  const rng = createRng(0x1e7 + index * 7919);
  const lang = rng.next() < 0.5 ? 'zh' : 'en';
  const ability = rng.next();
  const pool = bank.filter((q) => q.lang === lang);
  const questions = sample(rng, pool, 3 + rng.int(3));
  const answers = questions.map((q) => ({
    ...q.item,
    id: `c${index}-${q.id}`,
    answer: makeAnswer(rng, q, ability),
  }));

  // Typing: speed around 45 WPM / 70 字/分, 0–4% uncorrected errors, a few cheats.
  const perMin =
    lang === 'en'
      ? Math.max(15, 45 + (rng.next() - 0.5) * 50) * 5
      : Math.max(20, 70 + (rng.next() - 0.5) * 70);
  const chars = Math.round((perMin * TYPING_MS) / 60_000);
  const passage = lang === 'en' ? englishPassage(chars + 200, index) : chinesePassage(chars + 100, index);
  const wrongAt = Array.from({ length: Math.round(chars * rng.next() * 0.04) }, () => rng.int(chars));
  const correctedAt = lang === 'en' ? Array.from({ length: rng.int(8) }, () => rng.int(chars)) : [];
  const roll = rng.next();
  const rhythm = roll < 0.02 ? 'robotic' : roll < 0.03 ? 'burst' : 'human';
  const log = simulateTyping({
    lang,
    passage,
    chars,
    durationMs: TYPING_MS,
    seed: index,
    wrongAt,
    correctedAt,
    rhythm,
  });
  if (rng.next() < 0.03) {
    const t = log.events.at(-1)!.t + 500;
    log.events.push(
      { t, type: 'paste' },
      { t: t + 1, type: 'input', inputType: 'insertFromPaste', data: passage.slice(0, 40) },
    );
  }
  return { id: `cand-${index}`, lang, answers, typing: { passage, ...log } };
}

function scoreCandidate(c: Candidate, calibration: ScorerCalibration, cache: ProfileCache | undefined) {
  const typing = analyzeTyping({
    lang: c.lang,
    passage: c.typing.passage,
    finalText: c.typing.finalText,
    events: c.typing.events,
    durationMs: TYPING_MS,
  });
  const answers = c.answers.map((item) => ({
    questionId: item.questionId ?? item.question,
    score: scoreAnswer(item, { calibration, ...(cache ? { cache } : {}) }),
  }));
  return buildScorecard({ candidateId: c.id, typing, answers });
}

async function run(ctx: BenchContext) {
  const total = ctx.options.quick ? 1_000 : 10_000;
  const bank = loadBank(ctx.root);

  // The campaign calibration: fitted once on the authored human-scored answers.
  let t0 = performance.now();
  const cache = createProfileCache();
  const authored = readFileSync(join(ctx.root, 'eval/interview/cases.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => InterviewCaseSchema.parse(JSON.parse(l)));
  const calibration = fitAnswerScorer(
    authored.map((c) => ({ ...toItem(c), humanScore: c.human_score })),
    { cache },
  );
  const calibrateMs = performance.now() - t0;

  ctx.log(`  interview: generating and scoring ${total.toLocaleString('en')} candidates…`);
  const perCandidate: number[] = [];
  const recommendations: Record<Recommendation, number> = { advance: 0, review: 0, 'not-advance': 0 };
  let generateMs = 0;
  let answersScored = 0;
  let keystrokes = 0;
  let flagged = 0;
  let decisions = 0;
  const started = performance.now();
  // CPU time next to wall time: on a shared machine the gap is time spent waiting for a core.
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < total; i++) {
    t0 = performance.now();
    const c = makeCandidate(bank, i);
    const t1 = performance.now();
    generateMs += t1 - t0;
    const card = scoreCandidate(c, calibration, cache);
    perCandidate.push(performance.now() - t1);
    recommendations[card.recommendation]++;
    answersScored += card.answers.length;
    keystrokes += card.typing?.keystrokes ?? 0;
    if ((card.typing?.anomalies.length ?? 0) > 0) flagged++;
    if (card.decision !== null) decisions++;
    if ((i + 1) % 2_500 === 0)
      ctx.log(`    ${i + 1} candidates, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const wallS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const scoringS = perCandidate.reduce((s, v) => s + v, 0) / 1000;
  const stats = summarize(perCandidate, 3);

  // Baseline: the same scoring without the per-question profile cache, on a sample.
  const baselineN = Math.min(300, total);
  const uncached: number[] = [];
  for (let i = 0; i < baselineN; i++) {
    const c = makeCandidate(bank, i);
    const t = performance.now();
    scoreCandidate(c, calibration, undefined);
    uncached.push(performance.now() - t);
  }
  const baseline = summarize(uncached, 3);

  const perSecond = total / scoringS;
  return {
    metrics: {
      candidates: total,
      answersScored,
      keystrokes,
      wallSeconds: Number(wallS.toFixed(2)),
      cpuSeconds: Number(cpuS.toFixed(2)),
      scoringSeconds: Number(scoringS.toFixed(2)),
      generationSeconds: Number((generateMs / 1000).toFixed(2)),
      calibrationMs: Number(calibrateMs.toFixed(1)),
      candidatesPerSecond: Math.round(perSecond),
      perCandidateMs: stats,
      uncachedPerCandidateMs: baseline,
      recommendations,
      typingFlagged: flagged,
      automatedDecisions: decisions,
    },
    table: {
      columns: [
        '',
        'candidates',
        'total s',
        'CPU s',
        'scoring s',
        'cand/s',
        'p50 ms',
        'p99 ms',
        'uncached p50 ms',
        'uncached ÷ cached',
      ],
      rows: [
        [
          'embedded, 1 thread',
          total,
          Number(wallS.toFixed(1)),
          Number(cpuS.toFixed(1)),
          Number(scoringS.toFixed(1)),
          Math.round(perSecond),
          stats.p50,
          stats.p99,
          baseline.p50,
          Number((baseline.p50 / Math.max(stats.p50, 1e-3)).toFixed(1)),
        ],
      ],
    },
    targets: [
      target(
        `${total.toLocaleString('en')} candidates generated + scored`,
        Number(wallS.toFixed(1)),
        '<',
        120,
        's',
      ),
      target('automated decisions (must stay 0)', decisions, '<=', 0, 'candidates'),
    ],
  };
}

export const benchmark: Benchmark = {
  name: 'interview',
  description:
    '10,000 synthetic candidates (3–5 answers + 2-minute keystroke log) scored embedded: answer scorer, typing metrics, scorecard',
  run,
};
