/**
 * @module A candidate's scorecard for the recruiter: the advice with its reasons (labelled as
 * advice), typing metrics and flags, each answer with playback of the recording, its transcript
 * status, the scored text with the quoted evidence highlighted, matched anchors, reference
 * coverage and speech metrics, and the decision form with the audit trail of decisions.
 */
import type { candidateDetail } from '#src/services/interviews/review.ts';
import type { CardReason, InterviewCard } from '#src/services/interviews/scoring.ts';
import type { MessageKey, T } from '../i18n.ts';

type Detail = Awaited<ReturnType<typeof candidateDetail>>;
type CardAnswer = InterviewCard['answers'][number];

const pct = (x: number) => `${Math.round(x * 100)}%`;
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');

function when(ts: number, lang: 'zh' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(ts);
}

/** The text with every evidence span highlighted (overlapping spans merged). */
export function Highlighted(props: { text: string; spans: { start: number; end: number }[] }) {
  const spans = [...props.spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const parts: (string | ReturnType<typeof Mark>)[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) parts.push(props.text.slice(at, s.start));
    parts.push(<Mark text={props.text.slice(s.start, s.end)} />);
    at = s.end;
  }
  parts.push(props.text.slice(at));
  return (
    <div class="answer-text" data-testid="answer-text">
      {parts}
    </div>
  );
}

function Mark(props: { text: string }) {
  return <mark data-testid="evidence">{props.text}</mark>;
}

function Flags(props: { t: T; flags: string[] }) {
  return (
    <span>
      {props.flags.map((f) => (
        <span class={f === 'typing-below-threshold' ? 'flag flag-soft' : 'flag'} data-flag={f}>
          {props.t(`rec.flag.${f}` as MessageKey)}
        </span>
      ))}
    </span>
  );
}

function Answer(props: {
  t: T;
  lang: 'zh' | 'en';
  n: number;
  question: Detail['questions'][number];
  answer: Detail['answers'][number] | undefined;
  scored: CardAnswer | undefined;
  text: { text: string; source: 'transcript' | 'written' } | undefined;
  candidateId: string;
}) {
  const { t, answer, scored, question } = props;
  const detail = scored?.detail;
  const spans = [
    ...(detail?.anchors ?? []).filter((a) => a.matched).flatMap((a) => a.evidence),
    ...(detail?.coverage?.phrases ?? []).flatMap((p) => (p.matched && p.evidence ? [p.evidence] : [])),
  ];
  const tr = answer?.transcript;
  return (
    <section class="card rec-section" data-testid="answer" data-question={question.id}>
      <h2>
        {t('rec.card.answer', { n: props.n })}
        {scored && (
          <>
            {' · '}
            <span data-testid="answer-score">
              {t('rec.card.score', { score: scored.score, max: scored.scale.max })}
            </span>{' '}
            <span class="muted small">{t('rec.card.confidence', { c: fmt(scored.confidence, 2) })}</span>
          </>
        )}
      </h2>
      <p class="muted">{question.prompt}</p>
      {!answer?.submittedAt ? (
        <p class="muted">{t('rec.card.notAnswered')}</p>
      ) : (
        <>
          {answer.recording ? (
            answer.recording.status === 'deleted' ? (
              <p class="muted">{t('rec.card.deleted')}</p>
            ) : answer.recording.kind === 'video' ? (
              // biome-ignore lint/a11y/useMediaCaption: the transcript or written answer is shown right below the player
              <video
                class="media-player"
                controls
                preload="metadata"
                src={answer.recording.url}
                data-testid="playback"
              />
            ) : (
              // biome-ignore lint/a11y/useMediaCaption: the transcript or written answer is shown right below the player
              <audio
                class="media-player"
                controls
                preload="metadata"
                src={answer.recording.url}
                data-testid="playback"
              />
            )
          ) : (
            answer.mode !== 'text' && <p class="muted">{t('rec.card.noRecording')}</p>
          )}
          {tr && tr.status !== 'none' && (
            <p class="iv-status" data-testid="transcript-status" data-status={tr.status}>
              {t(`rec.tr.${tr.status}` as MessageKey)}
              {tr.status === 'retrying' && tr.nextAttemptAt !== null && (
                <span class="muted">
                  {' '}
                  · {t('rec.tr.attempts', { n: tr.attempts, time: when(tr.nextAttemptAt, props.lang) })}
                </span>
              )}
              {(tr.status === 'retrying' || tr.status === 'failed' || tr.status === 'pending') && (
                <>
                  {' '}
                  <button
                    type="button"
                    class="btn btn-secondary retry-transcription"
                    data-candidate={props.candidateId}
                  >
                    {t('rec.tr.retry')}
                  </button>
                </>
              )}
            </p>
          )}
          {props.text && (
            <>
              <h3>
                {props.text.source === 'transcript' ? t('rec.card.transcript') : t('rec.card.written')}{' '}
                <span class="muted small">· {t(`rec.card.source.${props.text.source}`)}</span>
              </h3>
              <Highlighted text={props.text.text} spans={spans} />
            </>
          )}
          {props.text?.source === 'transcript' && answer.writtenText && (
            <>
              <h3>{t('rec.card.written')}</h3>
              <div class="answer-text">{answer.writtenText}</div>
            </>
          )}
          {detail && (
            <>
              <h3>{t('rec.card.evidence')}</h3>
              {detail.anchors
                .filter((a) => a.matched)
                .map((a) => (
                  <div class="anchor" data-testid="anchor" data-level={a.level}>
                    <strong>{t('rec.card.anchor', { level: a.level, descriptor: a.descriptor })}</strong>
                    {a.evidence.map((e) => (
                      <>
                        {' '}
                        <q>{e.quote}</q>
                      </>
                    ))}
                  </div>
                ))}
              {detail.coverage && (
                <>
                  <h3>{t('rec.card.coverage', { pct: pct(detail.coverage.recall) })}</h3>
                  <ul class="phrases">
                    {detail.coverage.phrases.map((p) => (
                      <li
                        data-covered={String(p.matched)}
                        title={p.matched ? t('rec.card.covered') : t('rec.card.notCovered')}
                      >
                        {p.phrase}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
          {scored?.speech && (
            <>
              <h3>{t('rec.card.speech')}</h3>
              <div class="metrics">
                <div class="metric">
                  <b>
                    {fmt(scored.speech.speakingRate, 0)} {scored.speech.unit}
                  </b>
                  <span>{t('rec.card.rate')}</span>
                </div>
                <div class="metric">
                  <b>{scored.speech.fillers.count}</b>
                  <span>{t('rec.card.fillers')}</span>
                </div>
                {scored.speech.fluency && (
                  <div class="metric">
                    <b>
                      {fmt(scored.speech.fluency.score, 0)} · {scored.speech.fluency.band ?? '–'}
                    </b>
                    <span>
                      {t('rec.card.fluency')} ({t('rec.card.indicative')})
                    </span>
                  </div>
                )}
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

export function Scorecard(props: { t: T; lang: 'zh' | 'en'; detail: Detail }) {
  const { t, detail } = props;
  const { candidate } = detail;
  const sc = detail.scorecard;
  const card = sc?.card;
  const typing = card?.typing;
  return (
    <>
      <div class="page-head">
        <div>
          <h1 data-testid="candidate-name">{candidate.name}</h1>
          <p class="muted">
            {candidate.email} · {detail.campaign.name} · {t(`rec.cstatus.${candidate.status}`)}
            {candidate.group && (
              <>
                {' · '}
                {t('rec.card.group')}: {candidate.group}
              </>
            )}
          </p>
        </div>
        <span class="topbar-spacer" />
        <a class="btn btn-secondary" href={`/recruit/review?campaign=${detail.campaign.id}`}>
          {t('rec.review.title')}
        </a>
      </div>
      <section class="card rec-section" data-testid="scorecard">
        <h2>{t('rec.card.title')}</h2>
        {!sc || !card ? (
          <p class="muted">{t('rec.card.notScored')}</p>
        ) : (
          <>
            <div class="card-head">
              <div>
                <div class="score-big" data-testid="overall">
                  {fmt(sc.score100)}
                </div>
                <span class="muted small">{t('rec.card.overall')}</span>
              </div>
              <div>
                <span
                  class={`advice advice-${sc.recommendation}`}
                  data-testid="advice"
                  data-advice={sc.recommendation}
                >
                  {t(`rec.advice.${sc.recommendation}`)}
                </span>
                <p class="muted small">{t('rec.card.advisory')}</p>
                <Flags t={t} flags={sc.flags} />
              </div>
            </div>
            <h3>{t('rec.card.reasons')}</h3>
            <ul class="reasons" data-testid="reasons">
              {card.reasons.map((r: CardReason) => (
                <li data-code={r.code}>{r.message}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      {typing && (
        <section class="card rec-section" data-testid="typing">
          <h2>
            {t('rec.card.typing')}{' '}
            <span class={`advice ${typing.passed ? 'advice-advance' : 'advice-review'}`}>
              {typing.passed ? t('rec.card.passed') : t('rec.card.belowThreshold')}
            </span>
          </h2>
          <div class="metrics">
            <div class="metric">
              <b data-testid="typing-net">
                {fmt(typing.net)} {typing.unit}
              </b>
              <span>{t('rec.card.net')}</span>
            </div>
            <div class="metric">
              <b>
                {fmt(typing.gross)} {typing.unit}
              </b>
              <span>{t('rec.card.gross')}</span>
            </div>
            <div class="metric">
              <b>{fmt(typing.accuracy * 100)}%</b>
              <span>{t('rec.card.accuracy')}</span>
            </div>
            <div class="metric">
              <b>{typing.corrections}</b>
              <span>{t('rec.card.corrections')}</span>
            </div>
            <div class="metric">
              <b data-testid="typing-pastes">{typing.pastes}</b>
              <span>{t('rec.card.pastes')}</span>
            </div>
          </div>
          <p class="small">
            <strong>{t('rec.card.anomalies')}:</strong>{' '}
            {typing.anomalies.length === 0
              ? t('rec.card.none')
              : typing.anomalies.map((a) => a.detail).join('; ')}
          </p>
        </section>
      )}
      {detail.questions.map((q, i) => (
        <Answer
          t={t}
          lang={props.lang}
          n={i + 1}
          question={q}
          answer={detail.answers.find((a) => a.questionId === q.id)}
          scored={card?.answers.find((a) => a.questionId === q.id)}
          text={card?.texts[q.id]}
          candidateId={candidate.id}
        />
      ))}
      <section class="card rec-section" data-testid="decision">
        <h2>{t('rec.decide.title')}</h2>
        {candidate.status === 'submitted' ? (
          <form class="decision-form" id="decision-form" data-candidate={candidate.id} novalidate>
            <fieldset>
              {(['advance', 'hold', 'reject'] as const).map((o) => (
                <label class="inline">
                  <input type="radio" name="outcome" value={o} data-testid={`outcome-${o}`} />
                  {t(`rec.decide.${o}`)}
                </label>
              ))}
            </fieldset>
            <div class="field">
              <label for="decision-note">{t('rec.decide.note')}</label>
              <textarea class="input" id="decision-note" rows={3} data-testid="decision-note" />
            </div>
            <div id="decision-status" role="status" aria-live="polite" />
            <button type="submit" class="btn btn-primary" data-testid="decide">
              {t('rec.decide.submit')}
            </button>
          </form>
        ) : (
          <p class="muted">{t('rec.decide.notSubmitted')}</p>
        )}
        <h3>{t('rec.decide.history')}</h3>
        {detail.decisions.length === 0 ? (
          <p class="muted" data-testid="no-decision">
            {t('rec.decide.none')}
          </p>
        ) : (
          <ul class="history" data-testid="decisions">
            {detail.decisions.map((d) => (
              <li data-outcome={d.outcome}>
                <strong>{t(`rec.dec.${d.outcome}`)}</strong>{' '}
                <span class="muted">
                  {t('rec.decide.by', { name: d.decidedByName, time: when(d.decidedAt, props.lang) })}
                </span>
                {d.overridesRecommendation && <span class="flag flag-soft">{t('rec.decide.override')}</span>}
                {d.note && <div>{d.note}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
