/**
 * @module Synthetic candidates for load and demo: a campaign from the Chinese template with a
 * self-reported group field, and N finished candidates — each with a typing-test keystroke log
 * (a seeded IME typist from assist/interview/testing; a few paste the passage) and a written
 * answer assembled from the question's reference and anchor examples in proportion to the
 * candidate's ability (a few answer in English). Inserted in D1-sized statements, page by page.
 * Deterministic for a seed. Used by `tidedesk interviews synth`; not part of the product flow.
 */
import { createRng, type Rng } from '#assist/embedded/random.ts';
import type { KeystrokeEvent } from '#assist/interview/index.ts';
import { simulateTyping } from '#assist/interview/testing/keystroke-log.ts';
import { clauseSpans } from '#assist/interview/text-units.ts';
import {
  interviewAnswers,
  interviewCandidates,
  interviewTypingBatches,
  interviewTypingTests,
} from '#src/db/schema/interviews.ts';
import { createCampaign } from './campaigns.ts';
import { chunked, type InterviewDeps, rowsPerInsert } from './context.ts';
import { CAMPAIGN_TEMPLATES } from './templates.ts';

const OFF_TOPIC = [
  '我平时喜欢打篮球。',
  '我觉得这份工作很有意思。',
  '这个问题我没想过。',
  '我会努力工作的。',
];
const ENGLISH = 'I am sorry for the delay, I will check the tracking and ask the courier to hurry.';

const clauses = (text: string) => clauseSpans(text).map((s) => text.slice(s.start, s.end));

interface Generated {
  candidate: typeof interviewCandidates.$inferInsert;
  events: KeystrokeEvent[];
  typing: { finalText: string; durationMs: number };
  answer: string;
}

function generate(
  rng: Rng,
  i: number,
  ctx: {
    passage: string;
    good: string[];
    weak: string[];
    campaignId: string;
    tenantId: string;
    now: number;
    ids: InterviewDeps['ids'];
  },
): Generated {
  const ability = rng.next();
  const parts: string[] = [];
  const n = 2 + rng.int(4);
  for (let k = 0; k < n; k++) parts.push(rng.next() < ability ? rng.pick(ctx.good) : rng.pick(ctx.weak));
  const answer = rng.next() < 0.01 ? ENGLISH : [...new Set(parts)].join('，');
  const passageChars = Array.from(ctx.passage).length;
  // 35–95 字/分, better candidates somewhat faster.
  const perMinute = 35 + 60 * (0.5 * ability + 0.5 * rng.next());
  const durationMs = Math.round((passageChars / perMinute) * 60_000);
  const wrongAt = Array.from({ length: rng.int(4) }, () => rng.int(passageChars));
  let log = simulateTyping({
    lang: 'zh',
    passage: ctx.passage,
    chars: passageChars,
    durationMs,
    seed: i + 1,
    wrongAt,
    keysPerHan: 2,
    commitSize: 4,
  });
  if (rng.next() < 0.01) {
    // A paster: two keys, then the whole passage at once.
    log = {
      finalText: ctx.passage,
      events: [
        { t: 0, type: 'keydown' },
        { t: 90, type: 'keydown' },
        { t: 100, type: 'paste' },
        { t: 101, type: 'input', inputType: 'insertFromPaste', data: ctx.passage },
      ],
    };
  }
  return {
    candidate: {
      id: ctx.ids.next('icand'),
      tenantId: ctx.tenantId,
      campaignId: ctx.campaignId,
      email: `synthetic-${String(i).padStart(6, '0')}@example.test`,
      name: `候选人 ${i + 1}`,
      groupValue: rng.next() < 0.1 ? null : rng.next() < 0.55 ? 'A' : 'B',
      token: ctx.ids.next('itk'),
      status: 'submitted',
      consentedAt: ctx.now,
      submittedAt: ctx.now,
      createdAt: ctx.now,
    },
    events: log.events,
    typing: {
      finalText: log.finalText,
      durationMs: Math.max(1, (log.events.at(-1)?.t ?? 0) - (log.events[0]?.t ?? 0)),
    },
    answer,
  };
}

/** Create a synthetic campaign with `count` finished candidates; returns its id. */
export async function createSyntheticCampaign(
  deps: InterviewDeps,
  options: {
    tenantId: string;
    userId: string;
    count: number;
    seed?: number;
    onProgress?: (done: number) => void;
  },
): Promise<{ campaignId: string; candidates: number }> {
  const template = CAMPAIGN_TEMPLATES.zh;
  const campaign = await createCampaign(deps, options.tenantId, options.userId, {
    ...template,
    name: `合成批次 ${options.count} 人 / synthetic ${options.count}`,
    groupField: { label: '自愿填写的分组 / self-reported group', options: ['A', 'B'] },
  });
  const q = campaign.questions[0]!;
  const good = [
    ...clauses(q.reference ?? ''),
    ...q.rubric.filter((r) => r.level >= 4).flatMap((r) => r.examples.flatMap(clauses)),
  ];
  const weak = [
    ...q.rubric.filter((r) => r.level <= 2).flatMap((r) => r.examples.flatMap(clauses)),
    ...OFF_TOPIC,
  ];
  const rng = createRng(options.seed ?? 1);
  const now = deps.clock.now();
  const ctx = {
    passage: campaign.typingPassage,
    good,
    weak,
    campaignId: campaign.id,
    tenantId: options.tenantId,
    now,
    ids: deps.ids,
  };
  let done = 0;
  for (let start = 0; start < options.count; start += 500) {
    const page = Array.from({ length: Math.min(500, options.count - start) }, (_, k) =>
      generate(rng, start + k, ctx),
    );
    const statements = [
      ...chunked(
        page.map((g) => g.candidate),
        rowsPerInsert(interviewCandidates),
      ).map((rows) => deps.db.insert(interviewCandidates).values(rows)),
      ...chunked(
        page.map((g) => ({ candidateId: g.candidate.id!, seq: 0, events: g.events, receivedAt: now })),
        rowsPerInsert(interviewTypingBatches),
      ).map((rows) => deps.db.insert(interviewTypingBatches).values(rows)),
      ...chunked(
        page.map((g) => ({
          candidateId: g.candidate.id!,
          tenantId: options.tenantId,
          finalText: g.typing.finalText,
          durationMs: g.typing.durationMs,
          result: {},
          submittedAt: now,
        })),
        rowsPerInsert(interviewTypingTests),
      ).map((rows) => deps.db.insert(interviewTypingTests).values(rows)),
      ...chunked(
        page.map((g) => ({
          id: deps.ids.next('ians'),
          tenantId: options.tenantId,
          candidateId: g.candidate.id!,
          questionId: q.id,
          mode: 'text' as const,
          writtenText: g.answer,
          durationMs: 60_000,
          submittedAt: now,
        })),
        rowsPerInsert(interviewAnswers),
      ).map((rows) => deps.db.insert(interviewAnswers).values(rows)),
    ];
    const [first, ...rest] = statements;
    await deps.db.batch([first!, ...rest]);
    done += page.length;
    options.onProgress?.(done);
  }
  return { campaignId: campaign.id, candidates: done };
}
