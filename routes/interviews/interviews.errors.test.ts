/**
 * The failure cases of the interview flow: no camera (audio-only or text fallback), an upload
 * that drops and resumes, the transcription endpoint down (queued for retry, status visible),
 * an answer in the wrong language, a pasted typing test, and consent withdrawn.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simulateTyping } from '#assist/interview/testing/keystroke-log.ts';
import { FAKE_TRANSCRIPTION_URL } from '#assist/providers/fake-openai.ts';
import { createApp } from '#src/app.ts';
import { auditLog } from '#src/db/schema/pii.ts';
import { createFileRecordingStore } from '#src/runtime/recording-store.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import {
  type Call,
  consentAndType,
  GOOD_ZH_ANSWER,
  json,
  putChunk,
  recordingPath,
  startCampaign,
  typedPassage,
  uploadRecording,
  withTranscription,
} from './test-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let t: TestApp;
let recruiter: string;
beforeEach(async () => {
  t = await createTestApp();
  recruiter = await t.login('recruiter@demo.test');
});
afterEach(() => t.close());

const video = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) % 251);

type QueueItem = { candidateId: string; recommendation: string; flags: string[]; transcriptsQueued: number };
async function queueItem(call: Call, campaignId: string): Promise<QueueItem> {
  const q = await json<{ items: QueueItem[] }>(
    await call('GET', `/api/v1/interviews/review?campaign=${campaignId}&status=all`, { token: recruiter }),
    200,
  );
  return q.items[0]!;
}

describe('a candidate without a camera', () => {
  it('answers audio-only in a video campaign, and in text when there is no microphone either', async () => {
    const { questionId, tokens } = await startCampaign(t.call, recruiter, [
      'a@example.com,A,',
      'b@example.com,B,',
    ]);
    await consentAndType(t.call, tokens[0]!);
    const audio = await json<{ kind: string }>(
      await t.call('POST', recordingPath(tokens[0]!, questionId), {
        body: { kind: 'audio', mimeType: 'audio/webm;codecs=opus' },
      }),
      200,
    );
    expect(audio.kind).toBe('audio');
    await consentAndType(t.call, tokens[1]!);
    const base = `/api/v1/interviews/sessions/${tokens[1]}`;
    const answer = await json<{ mode: string; transcriptStatus: string }>(
      await t.call('POST', `${base}/answers/${questionId}`, {
        body: { mode: 'text', writtenText: GOOD_ZH_ANSWER },
      }),
      200,
    );
    expect(answer).toMatchObject({ mode: 'text', transcriptStatus: 'none' });
  });

  it('an audio-only campaign refuses video; a text campaign refuses any recording', async () => {
    const audioOnly = await startCampaign(t.call, recruiter, ['c@example.com,C,'], { mediaMode: 'audio' });
    await consentAndType(t.call, audioOnly.tokens[0]!);
    const vid = await t.call('POST', recordingPath(audioOnly.tokens[0]!, audioOnly.questionId), {
      body: { kind: 'video', mimeType: 'video/webm' },
    });
    expect(vid.status).toBe(422);
    const textOnly = await startCampaign(t.call, recruiter, ['d@example.com,D,'], {
      mediaMode: 'text',
      name: 'text',
    });
    await consentAndType(t.call, textOnly.tokens[0]!);
    const aud = await t.call('POST', recordingPath(textOnly.tokens[0]!, textOnly.questionId), {
      body: { kind: 'audio', mimeType: 'audio/webm' },
    });
    expect(aud.status).toBe(422);
  });
});

describe('an interrupted upload', () => {
  it('resumes from the chunks the server has; repeats are no-ops, conflicting chunks are refused', async () => {
    const { campaignId, questionId, tokens } = await startCampaign(t.call, recruiter, ['a@example.com,A,']);
    const token = tokens[0]!;
    await consentAndType(t.call, token);
    const bytes = video(3500);
    const parts = [0, 1, 2, 3].map((i) => bytes.slice(i * 1000, (i + 1) * 1000));
    const base = recordingPath(token, questionId);
    await json(
      await t.call('POST', base, { body: { kind: 'video', mimeType: 'video/webm;codecs=vp8,opus' } }),
      200,
    );
    // Chunks 0 and 2 arrive, then the connection drops.
    await json(await putChunk(t.app, `${base}/chunks/0?total=4`, parts[0]!), 200);
    await json(await putChunk(t.app, `${base}/chunks/2?total=4`, parts[2]!), 200);
    // Submitting before the upload finished is refused.
    const early = await t.call('POST', `/api/v1/interviews/sessions/${token}/answers/${questionId}`, {
      body: { mode: 'video', writtenText: GOOD_ZH_ANSWER },
    });
    expect(early.status).toBe(409);

    // The reloaded page asks what the server has (POST again resumes instead of restarting).
    const state = await json<{ received: number[]; totalChunks: number; status: string }>(
      await t.call('POST', base, { body: { kind: 'video', mimeType: 'video/webm;codecs=vp8,opus' } }),
      200,
    );
    expect(state).toMatchObject({ received: [0, 2], totalChunks: 4, status: 'uploading' });
    // A retried chunk the server already has changes nothing; different bytes or total conflict.
    await json(await putChunk(t.app, `${base}/chunks/2?total=4`, parts[2]!), 200);
    expect((await putChunk(t.app, `${base}/chunks/2?total=4`, parts[1]!)).status).toBe(409);
    expect((await putChunk(t.app, `${base}/chunks/1?total=5`, parts[1]!)).status).toBe(409);
    expect((await putChunk(t.app, `${base}/chunks/4?total=4`, parts[1]!)).status).toBe(422);
    for (const i of [1, 3]) await json(await putChunk(t.app, `${base}/chunks/${i}?total=4`, parts[i]!), 200);
    const done = await json<{ status: string; bytes: number }>(await t.call('GET', base), 200);
    expect(done).toMatchObject({ status: 'complete', bytes: 3500 });

    await json(
      await t.call('POST', `/api/v1/interviews/sessions/${token}/answers/${questionId}`, {
        body: { mode: 'video', writtenText: GOOD_ZH_ANSWER, durationMs: 30_000 },
      }),
      200,
    );
    await json(await t.call('POST', `/api/v1/interviews/sessions/${token}/submit`), 200);
    // The recruiter plays back exactly the bytes that were recorded, with Range support.
    const detail = await json<{
      candidate: { id: string };
      answers: { recording: { url: string; status: string } }[];
    }>(
      await t.call(
        'GET',
        `/api/v1/interviews/candidates/${(await queueItem(t.call, campaignId)).candidateId}`,
        {
          token: recruiter,
        },
      ),
      200,
    );
    const url = detail.answers[0]!.recording.url;
    const full = await t.call('GET', url, { token: recruiter });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('video/webm');
    expect(Array.from(new Uint8Array(await full.arrayBuffer()))).toEqual(Array.from(bytes));
    const part = await t.call('GET', url, { token: recruiter, headers: { range: 'bytes=1000-1009' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 1000-1009/3500');
    expect(Array.from(new Uint8Array(await part.arrayBuffer()))).toEqual(Array.from(bytes.slice(1000, 1010)));
    // One audit row for the playback, none for the follow-up range request.
    const played = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'interview.recording.played'));
    expect(played).toHaveLength(1);
    expect(played[0]).toMatchObject({ actorRole: 'recruiter', targetType: 'interview_recording' });
    // Candidates and other tenants cannot fetch it.
    expect((await t.call('GET', url)).status).toBe(401);
    expect((await t.call('GET', url, { token: await t.login('admin@northwind.test') })).status).toBe(404);
  });
});

describe('the transcription endpoint', () => {
  it('down: the answer is queued for retry and the recruiter sees it; back up: transcribed, masked, re-scored', async () => {
    let calls = 0;
    let up = false;
    server.use(
      http.post(FAKE_TRANSCRIPTION_URL, () => {
        calls++;
        return up
          ? HttpResponse.json({ text: `${GOOD_ZH_ANSWER}有问题可以打我电话13812345678。` })
          : new HttpResponse('upstream unavailable', { status: 503 });
      }),
    );
    const live = withTranscription(t);
    const { campaignId, questionId, tokens } = await startCampaign(live.call, recruiter, [
      'a@example.com,A,',
    ]);
    const token = tokens[0]!;
    const session = await json<{ transcription: { configured: boolean } }>(
      await live.call('GET', `/api/v1/interviews/sessions/${token}`),
      200,
    );
    expect(session.transcription.configured).toBe(true);
    await consentAndType(live.call, token);
    await uploadRecording(live.app, live.call, token, questionId, video(2500));
    // With transcription configured the written answer is optional.
    const answer = await json<{ transcriptStatus: string }>(
      await live.call('POST', `/api/v1/interviews/sessions/${token}/answers/${questionId}`, {
        body: { mode: 'video', durationMs: 40_000 },
      }),
      200,
    );
    expect(answer.transcriptStatus).toBe('pending');
    await json(await live.call('POST', `/api/v1/interviews/sessions/${token}/submit`), 200);

    type Detail = {
      answers: {
        transcript: {
          status: string;
          attempts: number;
          nextAttemptAt: number | null;
          error: string | null;
          text: string | null;
        };
      }[];
      scorecard: {
        flags: string[];
        recommendation: string;
        card: { texts: Record<string, { source: string; text: string }> };
      };
    };
    const candidateId = (await queueItem(live.call, campaignId)).candidateId;
    const detail = () =>
      live
        .call('GET', `/api/v1/interviews/candidates/${candidateId}`, { token: recruiter })
        .then((r) => json<Detail>(r, 200));
    let d = await detail();
    for (let i = 0; i < 100 && d.answers[0]!.transcript.status === 'pending'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      d = await detail();
    }
    expect(d.answers[0]!.transcript).toMatchObject({
      status: 'retrying',
      attempts: 1,
      error: 'error',
      text: null,
    });
    expect(d.answers[0]!.transcript.nextAttemptAt).toBe(t.clock.now() + 30_000);
    expect(calls).toBeGreaterThan(0);
    const queued = await queueItem(live.call, campaignId);
    expect(queued.transcriptsQueued).toBe(1);
    expect(queued.flags).toContain('transcript-pending');
    expect(queued.recommendation).toBe('review');

    // Not due yet: nothing is sent while the retry waits.
    up = true;
    const before = calls;
    d = await detail();
    expect(d.answers[0]!.transcript.status).toBe('retrying');
    expect(calls).toBe(before);
    t.clock.advance(31_000);
    d = await detail();
    expect(d.answers[0]!.transcript.status).toBe('done');
    expect(d.answers[0]!.transcript.text).toContain('<PHONE_1>');
    expect(d.answers[0]!.transcript.text).not.toContain('13812345678');
    expect(d.scorecard.card.texts[questionId]?.source).toBe('transcript');
    expect(d.scorecard.flags).not.toContain('transcript-pending');
  });

  it('the recruiter can retry by hand without waiting', async () => {
    server.use(http.post(FAKE_TRANSCRIPTION_URL, () => new HttpResponse(null, { status: 500 })));
    const live = withTranscription(t);
    const { campaignId, questionId, tokens } = await startCampaign(live.call, recruiter, [
      'a@example.com,A,',
    ]);
    await consentAndType(live.call, tokens[0]!);
    await uploadRecording(live.app, live.call, tokens[0]!, questionId, video(1500));
    await json(
      await live.call('POST', `/api/v1/interviews/sessions/${tokens[0]}/answers/${questionId}`, {
        body: { mode: 'video', writtenText: GOOD_ZH_ANSWER },
      }),
      200,
    );
    const { candidateId } = await queueItem(live.call, campaignId);
    server.use(http.post(FAKE_TRANSCRIPTION_URL, () => HttpResponse.json({ text: GOOD_ZH_ANSWER })));
    let result = { done: 0 };
    for (let i = 0; i < 100 && result.done === 0; i++) {
      result = await json(
        await live.call('POST', `/api/v1/interviews/candidates/${candidateId}/transcriptions/retry`, {
          token: recruiter,
        }),
        200,
      );
      if (result.done === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(result.done).toBe(1);
  });
});

describe('review flags', () => {
  it('an answer in the wrong language is flagged for review, not scored silently', async () => {
    const { campaignId, questionId, tokens } = await startCampaign(t.call, recruiter, ['a@example.com,A,']);
    const token = tokens[0]!;
    await consentAndType(t.call, token);
    await json(
      await t.call('POST', `/api/v1/interviews/sessions/${token}/answers/${questionId}`, {
        body: {
          mode: 'text',
          writtenText:
            'I am very sorry for the delay. Please give me your order number, I will check the tracking and ask the courier to hurry.',
        },
      }),
      200,
    );
    await json(await t.call('POST', `/api/v1/interviews/sessions/${token}/submit`), 200);
    const item = await queueItem(t.call, campaignId);
    expect(item.flags).toContain('wrong-language');
    expect(item.recommendation).toBe('review');
    const flagged = await json<{ total: number }>(
      await t.call('GET', `/api/v1/interviews/review?campaign=${campaignId}&flag=wrong-language`, {
        token: recruiter,
      }),
      200,
    );
    expect(flagged.total).toBe(1);
  });

  it('a typing test stopped halfway is flagged, however fast the typed part was', async () => {
    const { campaignId, questionId, tokens } = await startCampaign(t.call, recruiter, ['a@example.com,A,']);
    const token = tokens[0]!;
    const passage = typedPassage(60).finalText;
    const half = simulateTyping({
      lang: 'zh',
      passage,
      chars: Math.floor(Array.from(passage).length / 2),
      durationMs: 20_000,
      seed: 3,
    });
    await consentAndType(t.call, token, half);
    await json(
      await t.call('POST', `/api/v1/interviews/sessions/${token}/answers/${questionId}`, {
        body: { mode: 'text', writtenText: GOOD_ZH_ANSWER },
      }),
      200,
    );
    await json(await t.call('POST', `/api/v1/interviews/sessions/${token}/submit`), 200);
    const item = await queueItem(t.call, campaignId);
    expect(item.flags).toContain('typing-incomplete');
    expect(item.flags).not.toContain('typing-below-threshold');
    expect(item.recommendation).toBe('review');
  });

  it('a pasted typing test is flagged and not passed', async () => {
    const { campaignId, questionId, tokens } = await startCampaign(t.call, recruiter, ['a@example.com,A,']);
    const token = tokens[0]!;
    const typed = typedPassage(60);
    const passage = typed.finalText;
    const pasted = {
      finalText: passage,
      events: [
        { t: 0, type: 'focus' as const },
        { t: 500, type: 'keydown' as const },
        { t: 510, type: 'keydown' as const },
        { t: 520, type: 'paste' as const },
        { t: 521, type: 'input' as const, inputType: 'insertFromPaste', data: passage },
        { t: 40_000, type: 'keydown' as const },
      ],
    };
    await consentAndType(t.call, token, pasted);
    await json(
      await t.call('POST', `/api/v1/interviews/sessions/${token}/answers/${questionId}`, {
        body: { mode: 'text', writtenText: GOOD_ZH_ANSWER },
      }),
      200,
    );
    await json(await t.call('POST', `/api/v1/interviews/sessions/${token}/submit`), 200);
    const item = await queueItem(t.call, campaignId);
    expect(item.flags).toEqual(expect.arrayContaining(['typing-paste', 'typing-below-threshold']));
    expect(item.recommendation).toBe('review');
    const detail = await json<{
      scorecard: { card: { typing: { pastes: number; passed: boolean; entries: number } } };
    }>(await t.call('GET', `/api/v1/interviews/candidates/${item.candidateId}`, { token: recruiter }), 200);
    expect(detail.scorecard.card.typing).toMatchObject({ pastes: 1, passed: false, entries: 0 });
  });
});

describe('consent withdrawn', () => {
  it('deletes the recording files, transcripts and written answers; nothing more is accepted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidedesk-rec-'));
    try {
      const app = createApp({ ...t.deps, recordings: createFileRecordingStore(dir) });
      const call: Call = (method, path, opts = {}) =>
        Promise.resolve(
          app.request(path, {
            method,
            headers: {
              ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
              ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
            },
            ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
          }),
        );
      const { campaignId, questionId, tokens } = await startCampaign(call, recruiter, ['a@example.com,A,']);
      const token = tokens[0]!;
      await consentAndType(call, token);
      await uploadRecording(app, call, token, questionId, video(2200));
      await json(
        await call('POST', `/api/v1/interviews/sessions/${token}/answers/${questionId}`, {
          body: { mode: 'video', writtenText: GOOD_ZH_ANSWER },
        }),
        200,
      );
      expect(readdirSync(dir).length).toBe(1);
      const { candidateId } = await queueItem(call, campaignId);
      const before = await json<{ answers: { recording: { url: string } }[] }>(
        await call('GET', `/api/v1/interviews/candidates/${candidateId}`, { token: recruiter }),
        200,
      );
      const url = before.answers[0]!.recording.url;
      expect((await call('GET', url, { token: recruiter })).status).toBe(200);

      const out = await json<{ status: string; deletedRecordings: number }>(
        await call('POST', `/api/v1/interviews/sessions/${token}/withdraw`),
        200,
      );
      expect(out).toEqual({ status: 'withdrawn', deletedRecordings: 1 });
      expect(readdirSync(join(dir, readdirSync(dir)[0]!))).toEqual([]);
      expect((await call('GET', url, { token: recruiter })).status).toBe(404);
      const after = await json<{
        candidate: { status: string };
        answers: { writtenText: string | null; recording: { status: string } }[];
        scorecard: null;
        typing: null;
      }>(await call('GET', `/api/v1/interviews/candidates/${candidateId}`, { token: recruiter }), 200);
      expect(after.candidate.status).toBe('withdrawn');
      const audit = await t.deps.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'interview.consent.withdrawn'));
      expect(audit).toEqual([
        expect.objectContaining({
          actorRole: 'candidate',
          targetId: candidateId,
          detail: expect.objectContaining({ recordingsDeleted: 1 }),
        }),
      ]);
      expect(after.answers[0]).toMatchObject({ writtenText: null, recording: { status: 'deleted' } });
      expect(after.scorecard).toBeNull();
      expect(after.typing).toBeNull();
      const again = await call('POST', `/api/v1/interviews/sessions/${token}/typing/events`, {
        body: { seq: 5, events: [{ t: 1, type: 'keydown' }] },
      });
      expect(again.status).toBe(409);
      expect(
        (await call('POST', `/api/v1/interviews/sessions/${token}/consent`, { body: { consent: true } }))
          .status,
      ).toBe(409);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
