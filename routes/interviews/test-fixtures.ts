/**
 * @module Test support for the interview API tests: a bilingual customer-service campaign with
 * anchored 1–5 scales, an app with a transcription endpoint faked by msw, and helpers that walk a
 * candidate through the flow over HTTP. Never imported by production code.
 */
import { createAssist, resolveAssistConfig } from '#assist/index.ts';
import type { KeystrokeEvent } from '#assist/interview/index.ts';
import { simulateTyping } from '#assist/interview/testing/keystroke-log.ts';
import { FAKE_BASE_URL } from '#assist/providers/fake-openai.ts';
import { createApp } from '#src/app.ts';
import { parseEnv } from '#src/config/env.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { readPromptFiles } from '#src/runtime/prompt-files.ts';
import type { TestApp } from '../../test/helpers/app.ts';

export const ZH_PASSAGE =
  '您好，很高兴为您服务。请您提供一下订单号，我马上为您查询物流信息，请稍等。给您带来的不便，我们深表歉意，感谢您的耐心等待。';

export const ZH_QUESTION = {
  prompt: '客户说快递三天没有更新物流，很着急。请说说你会怎么回复和处理？',
  timeLimitSeconds: 120,
  reference:
    '先向客户致歉并安抚情绪，核实订单号，查询物流轨迹，联系快递公司催件，告知客户预计送达时间，并承诺持续跟进，如有丢件安排补发或退款。',
  rubric: [
    { level: 1, descriptor: '没有回应客户的问题', examples: ['我不知道，你自己去问快递吧。'] },
    { level: 2, descriptor: '只有敷衍的回复', examples: ['请您再等等，快递会到的。'] },
    { level: 3, descriptor: '安抚并查询，但没有后续', examples: ['很抱歉让您久等了，我帮您查一下物流。'] },
    {
      level: 4,
      descriptor: '致歉、核实、查询并催件',
      examples: ['非常抱歉给您带来不便，请提供订单号，我查询物流后联系快递公司为您催件。'],
    },
    {
      level: 5,
      descriptor: '完整处理并承诺跟进与补救',
      examples: [
        '非常抱歉让您着急了。请提供订单号，我马上查询物流轨迹并联系快递公司催件，告诉您预计送达时间，我会持续跟进，如果包裹丢失会为您补发或退款。',
      ],
    },
  ],
  weight: 1,
};

export const GOOD_ZH_ANSWER =
  '非常抱歉让您久等了。请您提供订单号，我马上查询物流轨迹，联系快递公司为您催件，并告诉您预计送达时间。我会持续跟进，如果包裹丢失，我们会安排补发或者退款。';

export function campaignInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '双十一客服招聘',
    role: '在线客服',
    language: 'zh',
    typingLang: 'zh',
    typingPassage: ZH_PASSAGE,
    typingSeconds: 60,
    mediaMode: 'video',
    groupField: { label: '性别 / Gender', options: ['A', 'B'] },
    questions: [ZH_QUESTION],
    ...overrides,
  };
}

/** A Chinese IME typist copying the passage in `seconds` (≈ chars/min = length ÷ seconds × 60). */
export function typedPassage(
  seconds = 60,
  options: { seed?: number } = {},
): { events: KeystrokeEvent[]; finalText: string } {
  const chars = Array.from(ZH_PASSAGE).length;
  return simulateTyping({
    lang: 'zh',
    passage: ZH_PASSAGE,
    chars,
    durationMs: seconds * 1000,
    seed: options.seed ?? 7,
  });
}

/** The app over the same database, with transcription pointed at the msw fake endpoint. */
export function withTranscription(t: TestApp) {
  const config = resolveAssistConfig(
    parseEnv({
      TIDEDESK_STT_BASE_URL: FAKE_BASE_URL,
      TIDEDESK_STT_API_KEY: 'sk-test',
      TIDEDESK_STT_MODEL: 'whisper-1',
    }),
  );
  const assist = createAssist(
    { ...config, timeoutMs: 2000 },
    {
      logger: t.deps.logger,
      clock: t.deps.clock,
      detector: createPiiDetector(),
      prompts: readPromptFiles(),
      sleep: async () => {},
    },
  );
  const app = createApp({ ...t.deps, assist });
  const call: TestApp['call'] = (method, path, opts = {}) =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: {
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
        ...(opts.body !== undefined
          ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }
          : {}),
      }),
    );
  return { app, call };
}

export type Call = TestApp['call'];

export async function json<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface Started {
  campaignId: string;
  questionId: string;
  tokens: string[];
}

/** Create the campaign and import candidates; returns their tokens in CSV order. */
export async function startCampaign(
  call: Call,
  recruiter: string,
  csvRows: string[],
  overrides: Record<string, unknown> = {},
): Promise<Started> {
  const campaign = await json<{ id: string; questions: { id: string }[] }>(
    await call('POST', '/api/v1/interviews/campaigns', { token: recruiter, body: campaignInput(overrides) }),
    201,
  );
  const imported = await json<{ candidates: { link: string }[] }>(
    await call('POST', `/api/v1/interviews/campaigns/${campaign.id}/candidates/import`, {
      token: recruiter,
      body: { csv: ['email,name,group', ...csvRows].join('\n') },
    }),
    200,
  );
  return {
    campaignId: campaign.id,
    questionId: campaign.questions[0]!.id,
    tokens: imported.candidates.map((c) => c.link.split('/').pop()!),
  };
}

/** Consent and take the typing test with `log`. */
export async function consentAndType(
  call: Call,
  token: string,
  log = typedPassage(),
  group: string | null = null,
) {
  const base = `/api/v1/interviews/sessions/${token}`;
  await json(await call('POST', `${base}/consent`, { body: { consent: true, group } }), 200);
  const half = Math.ceil(log.events.length / 2);
  await json(
    await call('POST', `${base}/typing/events`, { body: { seq: 0, events: log.events.slice(0, half) } }),
    200,
  );
  await json(
    await call('POST', `${base}/typing/events`, { body: { seq: 1, events: log.events.slice(half) } }),
    200,
  );
  const durationMs = Math.round(log.events.at(-1)!.t - log.events[0]!.t);
  await json(await call('POST', `${base}/typing`, { body: { finalText: log.finalText, durationMs } }), 200);
}

interface Requester {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/** PUT raw bytes (the chunk upload). */
export function putChunk(app: Requester, path: string, bytes: Uint8Array) {
  return Promise.resolve(
    app.request(path, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes as Uint8Array<ArrayBuffer>,
    }),
  );
}

export const recordingPath = (token: string, questionId: string) =>
  `/api/v1/interviews/sessions/${token}/answers/${questionId}/recording`;

/** Upload `bytes` as a recording in `size`-byte chunks. */
export async function uploadRecording(
  app: Requester,
  call: Call,
  token: string,
  questionId: string,
  bytes: Uint8Array,
  size = 1000,
) {
  const base = recordingPath(token, questionId);
  await json(
    await call('POST', base, { body: { kind: 'video', mimeType: 'video/webm;codecs=vp8,opus' } }),
    200,
  );
  const total = Math.ceil(bytes.byteLength / size);
  let last: { status: string } = { status: 'uploading' };
  for (let i = 0; i < total; i++) {
    last = await json(
      await putChunk(app, `${base}/chunks/${i}?total=${total}`, bytes.slice(i * size, (i + 1) * size)),
      200,
    );
  }
  return last;
}
