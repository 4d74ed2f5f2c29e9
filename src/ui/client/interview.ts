/**
 * @module Candidate interview island: consent (nothing is captured before it), device check with
 * fallbacks (no camera → audio only, no microphone → written answers), the typing test (every
 * keydown, input with its inputType, composition, paste/drop and window focus/blur, sent in
 * idempotent batches), recorded answers with MediaRecorder uploaded in chunks that resume after a
 * dropped connection by asking the server which chunks it has, written answers, submitting, and
 * withdrawing (which deletes the recordings).
 */
import type { Strings } from '../i18n.ts';
import { ApiError, api, backoff, sleep } from './lib/api.ts';
import { byId, fill, h } from './lib/dom.ts';
import { uploadInChunks } from './lib/interview-upload.ts';
import { makeT, readPageData } from './lib/page-data.ts';

type Mode = 'video' | 'audio' | 'text';
interface RecordingState {
  recordingId: string;
  status: 'uploading' | 'complete' | 'deleted';
  totalChunks: number | null;
  received: number[];
}
interface Session {
  candidate: {
    name: string;
    status: 'invited' | 'consented' | 'submitted' | 'withdrawn';
    group: string | null;
  };
  campaign: {
    name: string;
    role: string;
    language: 'zh' | 'en';
    typingLang: 'zh' | 'en';
    typingPassage: string;
    typingSeconds: number;
    mediaMode: Mode;
    groupField: { label: string; options: string[] } | null;
  };
  questions: { id: string; position: number; prompt: string; timeLimitSeconds: number }[];
  typing: { submitted: boolean };
  answers: { questionId: string; mode: Mode; submitted: boolean; recording: RecordingState | null }[];
  transcription: { configured: boolean };
}
interface KeyEvent {
  t: number;
  type: 'keydown' | 'input' | 'compositionstart' | 'compositionend' | 'paste' | 'drop' | 'focus' | 'blur';
  data?: string | null;
  inputType?: string;
}

const data = readPageData<{ lang: 'zh' | 'en'; strings: Partial<Strings>; token: string }>();
const t = makeT(data.strings);
const base = `/api/v1/interviews/sessions/${data.token}`;
const step = byId('step');
const withdrawButton = byId<HTMLButtonElement>('withdraw');

let session: Session;
let mode: Mode = 'text';
let stream: MediaStream | null = null;

const errorBox = (err: unknown) =>
  h(
    'div',
    { class: 'alert alert-error', role: 'alert' },
    t('common.error', { reason: (err as Error).message }),
  );
const button = (label: string, testid: string, onclick: () => void, primary = true) =>
  h(
    'button',
    {
      type: 'button',
      class: primary ? 'btn btn-primary' : 'btn btn-secondary',
      'data-testid': testid,
      onclick,
    },
    label,
  );

/** Retry a request that failed on the network or with a 5xx, with back-off; other errors throw. */
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof ApiError) || !err.retryable || attempt >= 6) throw err;
      await sleep(backoff(attempt, 8000));
    }
  }
}

async function refresh(): Promise<void> {
  session = await api<Session>(base);
}

// ── Steps ───────────────────────────────────────────────────────────────────────────────────

function next(): void {
  const s = session;
  withdrawButton.hidden = s.candidate.status === 'invited' || s.candidate.status === 'withdrawn';
  const open = s.questions.findIndex((q) => !s.answers.some((a) => a.questionId === q.id && a.submitted));
  if (s.candidate.status === 'withdrawn') showWithdrawn();
  else if (s.candidate.status === 'submitted') showDone();
  else if (s.candidate.status === 'invited') showConsent();
  else if (!deviceChecked) void showDeviceCheck();
  else if (!s.typing.submitted) showTyping();
  else if (open >= 0) showQuestion(open);
  else showFinish();
}

function showConsent() {
  const c = session.campaign;
  const agree = h('input', { type: 'checkbox', id: 'consent-agree', 'data-testid': 'consent-agree' });
  const group = c.groupField
    ? h(
        'select',
        { class: 'input', id: 'consent-group', 'data-testid': 'consent-group' },
        h('option', { value: '' }, t('iv.consent.preferNot')),
        ...c.groupField.options.map((o) => h('option', { value: o }, o)),
      )
    : null;
  const start = button(t('iv.consent.start'), 'consent-start', async () => {
    if (!agree.checked) return agree.focus();
    start.disabled = true;
    try {
      await api(`${base}/consent`, { method: 'POST', body: { consent: true, group: group?.value || null } });
      await refresh();
      next();
    } catch (err) {
      start.disabled = false;
      step.append(errorBox(err));
    }
  });
  fill(
    step,
    h('h2', {}, t('iv.welcome', { name: session.candidate.name })),
    h('p', {}, t('iv.intro', { role: c.role, campaign: c.name })),
    h('h2', {}, t('iv.consent.title')),
    h('h3', {}, t('iv.consent.recorded')),
    h('p', {}, t('iv.consent.recordedBody', { media: t(`iv.media.${c.mediaMode}`) })),
    h('h3', {}, t('iv.consent.scored')),
    h('p', {}, t('iv.consent.scoredBody')),
    h('h3', {}, t('iv.consent.decides')),
    h('p', {}, t('iv.consent.decidesBody')),
    h('h3', {}, t('iv.consent.withdraw')),
    h('p', {}, t('iv.consent.withdrawBody')),
    c.groupField && group
      ? h(
          'div',
          { class: 'field' },
          h('label', { for: 'consent-group' }, c.groupField.label),
          group,
          h('p', { class: 'muted small' }, t('iv.consent.groupHint')),
        )
      : null,
    h(
      'label',
      { class: 'inline', for: 'consent-agree', style: 'display:flex;gap:8px;font-weight:500' },
      agree,
      t('iv.consent.agree'),
    ),
    h('div', { class: 'iv-buttons' }, start),
  );
}

let deviceChecked = false;

async function acquire(constraints: MediaStreamConstraints): Promise<MediaStream | null> {
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch {
    return null;
  }
}

/** The camera preview. `muted` must be the property, not the attribute, for autoplay to start. */
function livePreview(): HTMLVideoElement {
  const video = h('video', { class: 'iv-preview', autoplay: true, playsinline: true, 'aria-hidden': 'true' });
  video.muted = true;
  video.srcObject = stream;
  void video.play().catch(() => {});
  return video;
}

async function showDeviceCheck() {
  fill(step, h('h2', {}, t('iv.device.title')), h('p', { class: 'muted' }, t('iv.device.checking')));
  const wanted = session.campaign.mediaMode;
  const canRecord = typeof MediaRecorder !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
  mode = 'text';
  if (wanted !== 'text' && canRecord) {
    stream = wanted === 'video' ? await acquire({ video: true, audio: true }) : null;
    if (stream) mode = 'video';
    else {
      stream = await acquire({ audio: true });
      if (stream) mode = 'audio';
    }
  }
  const message =
    wanted === 'text'
      ? t('iv.device.textMode')
      : mode === 'video'
        ? t('iv.device.video')
        : mode === 'audio'
          ? t('iv.device.audio')
          : t('iv.device.text');
  const preview = mode === 'video' ? livePreview() : null;
  fill(
    step,
    h('h2', {}, t('iv.device.title')),
    h('p', { class: 'iv-status', 'data-testid': 'device-status', 'data-mode': mode }, message),
    preview,
    h(
      'div',
      { class: 'iv-buttons' },
      button(t('iv.device.continue'), 'device-continue', () => {
        deviceChecked = true;
        next();
      }),
    ),
  );
}

function showTyping() {
  const c = session.campaign;
  const events: KeyEvent[] = [];
  const origin = performance.now();
  const now = () => Math.round(performance.now() - origin);
  let sent = 0;
  let seq = 0;
  let firstKey: number | null = null;
  let finished = false;
  let sending: Promise<void> = Promise.resolve();
  const record = (e: KeyEvent) => {
    if (!finished) events.push(e);
  };
  // Batches go out in order; each is idempotent by its sequence number, so a retry is harmless.
  const flush = () => {
    sending = sending.then(async () => {
      while (sent < events.length) {
        const batch = events.slice(sent, sent + 500);
        await withRetry(() => api(`${base}/typing/events`, { method: 'POST', body: { seq, events: batch } }));
        sent += batch.length;
        seq++;
      }
    });
    return sending;
  };
  const area = h('textarea', {
    class: 'input iv-typing',
    id: 'typing-input',
    'data-testid': 'typing-input',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-label': t('iv.typing.input'),
  });
  const timer = h(
    'span',
    { class: 'iv-timer', 'data-testid': 'typing-timer' },
    t('iv.typing.remaining', { seconds: c.typingSeconds }),
  );
  area.addEventListener('keydown', () => {
    firstKey ??= now();
    record({ t: now(), type: 'keydown' });
  });
  area.addEventListener('input', (ev) => {
    const e = ev as InputEvent;
    record({ t: now(), type: 'input', data: e.data, inputType: e.inputType });
  });
  area.addEventListener('compositionstart', (ev) =>
    record({ t: now(), type: 'compositionstart', data: (ev as CompositionEvent).data }),
  );
  area.addEventListener('compositionend', (ev) =>
    record({ t: now(), type: 'compositionend', data: (ev as CompositionEvent).data }),
  );
  area.addEventListener('paste', () => record({ t: now(), type: 'paste' }));
  area.addEventListener('drop', () => record({ t: now(), type: 'drop' }));
  const onBlur = () => record({ t: now(), type: 'blur' });
  const onFocus = () => record({ t: now(), type: 'focus' });
  window.addEventListener('blur', onBlur);
  window.addEventListener('focus', onFocus);
  const ticker = setInterval(() => {
    if (events.length - sent >= 100) void flush().catch(() => {});
    if (firstKey === null) return;
    const left = Math.max(0, c.typingSeconds - Math.floor((now() - firstKey) / 1000));
    timer.textContent = t('iv.typing.remaining', { seconds: left });
    if (left === 0) void finish();
  }, 500);
  const finishButton = button(t('iv.typing.finish'), 'typing-finish', () => void finish());
  async function finish() {
    if (finished) return;
    finished = true;
    clearInterval(ticker);
    window.removeEventListener('blur', onBlur);
    window.removeEventListener('focus', onFocus);
    area.readOnly = true;
    finishButton.disabled = true;
    finishButton.textContent = t('iv.typing.sending');
    const timed = events.filter((e) => e.type !== 'focus' && e.type !== 'blur');
    const durationMs = timed.length > 1 ? timed.at(-1)!.t - timed[0]!.t : 0;
    try {
      await flush();
      await withRetry(() =>
        api(`${base}/typing`, { method: 'POST', body: { finalText: area.value, durationMs } }),
      );
      await refresh();
      next();
    } catch (err) {
      step.append(errorBox(err));
    }
  }
  fill(
    step,
    h('h2', {}, t('iv.typing.title')),
    h('p', {}, t('iv.typing.hint', { seconds: c.typingSeconds })),
    h(
      'div',
      { class: 'iv-passage', 'data-testid': 'typing-passage', lang: c.typingLang === 'zh' ? 'zh-CN' : 'en' },
      c.typingPassage,
    ),
    h('p', {}, timer),
    area,
    h('div', { class: 'iv-buttons' }, finishButton),
  );
  area.focus();
}

function pickMimeType(kind: 'video' | 'audio'): string {
  const candidates =
    kind === 'video'
      ? ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm', 'video/mp4']
      : ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];
  return (
    candidates.find((m) => MediaRecorder.isTypeSupported(m)) ??
    (kind === 'video' ? 'video/webm' : 'audio/webm')
  );
}

function showQuestion(index: number) {
  const q = session.questions[index]!;
  const recordable = mode !== 'text' && stream !== null;
  const needWritten = !recordable || !session.transcription.configured;
  const status = h('p', { class: 'iv-status', 'data-testid': 'upload-status' });
  const written = h('textarea', {
    class: 'input',
    id: 'written-answer',
    rows: 5,
    'data-testid': 'written-answer',
  });
  let uploaded = false;
  let durationMs: number | null = null;
  let restart = session.answers.some((a) => a.questionId === q.id && a.recording !== null);
  const preview = recordable && mode === 'video' ? livePreview() : null;

  const recordButton = button(t('iv.q.record'), 'q-record', () => void startRecording());
  const stopButton = button(t('iv.q.stop'), 'q-stop', () => recorder?.stop(), false);
  stopButton.hidden = true;
  let recorder: MediaRecorder | null = null;

  async function startRecording() {
    if (!stream) return;
    const kind = mode === 'video' ? 'video' : 'audio';
    const mimeType = pickMimeType(kind);
    const tracks = kind === 'video' ? stream : new MediaStream(stream.getAudioTracks());
    const parts: Blob[] = [];
    recorder = new MediaRecorder(tracks, {
      mimeType,
      videoBitsPerSecond: 250_000,
      audioBitsPerSecond: 32_000,
    });
    recorder.addEventListener('dataavailable', (ev) => {
      if (ev.data.size > 0) parts.push(ev.data);
    });
    const started = performance.now();
    const countdown = setInterval(() => {
      const left = Math.max(0, q.timeLimitSeconds - Math.floor((performance.now() - started) / 1000));
      status.textContent = t('iv.q.recording', { seconds: left });
      if (left === 0) recorder?.stop();
    }, 250);
    recorder.addEventListener('stop', async () => {
      clearInterval(countdown);
      durationMs = Math.round(performance.now() - started);
      stopButton.hidden = true;
      recordButton.hidden = false;
      recordButton.textContent = t('iv.q.rerecord');
      recordButton.disabled = true;
      const blob = new Blob(parts, { type: recorder?.mimeType || mimeType });
      try {
        await uploadInChunks({
          base: `${base}/answers/${q.id}/recording`,
          blob,
          kind,
          mimeType: blob.type || mimeType,
          restart,
          onProgress: (pct) => {
            status.textContent = t('iv.q.uploading', { pct });
          },
          onResume: () => {
            status.textContent = t('iv.q.resuming');
          },
        });
        restart = true;
        uploaded = true;
        status.textContent = t('iv.q.uploaded');
        status.dataset.state = 'uploaded';
      } catch (err) {
        status.replaceChildren(errorBox(err));
      } finally {
        recordButton.disabled = false;
      }
    });
    uploaded = false;
    delete status.dataset.state;
    recorder.start(1000);
    recordButton.hidden = true;
    stopButton.hidden = false;
  }

  const submit = button(t('iv.q.submit'), 'q-submit', async () => {
    const text = written.value.trim();
    if (recordable && !uploaded) {
      status.textContent = t('iv.q.needRecording');
      return;
    }
    if (needWritten && !text) {
      status.textContent = t('iv.q.needWritten');
      return written.focus();
    }
    submit.disabled = true;
    try {
      await withRetry(() =>
        api(`${base}/answers/${q.id}`, {
          method: 'POST',
          body: { mode: recordable ? mode : 'text', writtenText: text || null, durationMs },
        }),
      );
      await refresh();
      next();
    } catch (err) {
      submit.disabled = false;
      status.replaceChildren(errorBox(err));
    }
  });

  fill(
    step,
    h('h2', {}, t('iv.q.title', { n: index + 1, total: session.questions.length })),
    h('p', { class: 'iv-question', 'data-testid': 'question-prompt' }, q.prompt),
    h('p', { class: 'muted small' }, t('iv.q.limit', { seconds: q.timeLimitSeconds })),
    preview,
    recordable ? h('div', { class: 'iv-buttons' }, recordButton, stopButton) : null,
    status,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'written-answer' }, needWritten ? t('iv.q.written') : t('iv.q.writtenOptional')),
      needWritten ? h('p', { class: 'muted small' }, t('iv.q.writtenHint')) : null,
      written,
    ),
    h('div', { class: 'iv-buttons' }, submit),
  );
}

function showFinish() {
  const submit = button(t('iv.finish.submit'), 'finish-submit', async () => {
    submit.disabled = true;
    try {
      await withRetry(() => api(`${base}/submit`, { method: 'POST' }));
      await refresh();
      next();
    } catch (err) {
      submit.disabled = false;
      step.append(errorBox(err));
    }
  });
  fill(step, h('h2', {}, t('iv.finish.submit')), h('div', { class: 'iv-buttons' }, submit));
}

function stopMedia() {
  for (const track of stream?.getTracks() ?? []) track.stop();
  stream = null;
}

function showDone() {
  stopMedia();
  fill(step, h('h2', { 'data-testid': 'done' }, t('iv.done.title')), h('p', {}, t('iv.done.body')));
}

function showWithdrawn() {
  stopMedia();
  withdrawButton.hidden = true;
  fill(
    step,
    h('h2', { 'data-testid': 'withdrawn' }, t('iv.withdrawn.title')),
    h('p', {}, t('iv.withdrawn.body')),
  );
}

withdrawButton.addEventListener('click', async () => {
  if (!confirm(t('iv.withdraw.confirm'))) return;
  try {
    await withRetry(() => api(`${base}/withdraw`, { method: 'POST' }));
    await refresh();
    next();
  } catch (err) {
    step.append(errorBox(err));
  }
});

refresh().then(next, (err) => fill(step, errorBox(err)));
