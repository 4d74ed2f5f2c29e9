/**
 * @module Shared by the training islands (train.ts, train-admin.ts): a JSON fetch that keeps the
 * problem's field errors (the card editor shows them per field), the chat transcript, the mood
 * meter, the coaching panel, the end-of-session score with evidence quotes and the annotated
 * replay, and the small SVG charts (lines over time, horizontal bars). DOM built with `h`, no
 * innerHTML.
 */
import type { z } from '@hono/zod-openapi';
import type { RubricResult } from '#assist/simulator/rubric.ts';
import type { CoachingSchema, SessionSchema } from '#routes/training/training.routes.ts';
import type { MessageKey } from '../../i18n.ts';
import { h } from './dom.ts';
import type { Translate } from './page-data.ts';

export type Session = z.infer<typeof SessionSchema>;
export type Coaching = z.infer<typeof CoachingSchema>;
export type Verdict = RubricResult;

export const DIMS = [
  'sop_adherence',
  'compliance',
  'empathy',
  'accuracy',
  'resolution',
  'efficiency',
] as const;
export type Dim = (typeof DIMS)[number];
export const DIM_COLOURS: Record<Dim, string> = {
  sop_adherence: '#0a6c7a',
  compliance: '#b42318',
  empathy: '#b05cc4',
  accuracy: '#2f6fdb',
  resolution: '#17703d',
  efficiency: '#c77800',
};

export class TrainApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'TrainApiError';
  }
}

/** fetch for the JSON API (GET/POST/PUT); problem+json becomes TrainApiError with its errors[]. */
export async function call<T>(
  path: string,
  opts: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers: {
        accept: 'application/json',
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new TrainApiError(0, 'network', (err as Error).message);
  }
  if (res.ok) return (await res.json()) as T;
  let problem: { code?: string; detail?: string; errors?: { path: string; message: string }[] } = {};
  try {
    problem = await res.json();
  } catch {
    // Not problem+json: keep the status.
  }
  throw new TrainApiError(
    res.status,
    problem.code ?? 'http_error',
    problem.detail ?? `HTTP ${res.status}`,
    problem.errors,
  );
}

export const dimLabel = (t: Translate, d: string) => t(`train.dim.${d}` as MessageKey);

/** The mood meter: a bar coloured by band and the band's name. */
export function moodMeter(t: Translate, mood: { value: number; band: string }): HTMLElement {
  return h(
    'span',
    { class: 'mood', 'data-band': mood.band, 'data-testid': 'mood', title: `${mood.value}/100` },
    t('train.mood'),
    h(
      'span',
      {
        class: 'mood-bar',
        role: 'meter',
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': mood.value,
      },
      h('span', { style: `width:${Math.max(4, mood.value)}%` }),
    ),
    h('strong', {}, t(`train.mood.${mood.band}` as MessageKey)),
  );
}

/** Chat bubbles: the reader's own side on the right; `names` labels the trainee for an examiner. */
export function transcriptList(
  t: Translate,
  lines: Session['transcript'],
  me: 'trainee' | 'customer',
  names: { trainee?: string } = {},
): HTMLElement[] {
  const label = (role: 'customer' | 'trainee') =>
    role === 'customer'
      ? t('train.customer')
      : me === 'trainee'
        ? t('train.you')
        : (names.trainee ?? t('train.you'));
  return lines.map((l) =>
    h(
      'div',
      {
        class: `msg ${l.role === me ? 'msg-mine' : 'msg-theirs'}`,
        'data-testid': l.role === 'customer' ? 'customer-line' : 'trainee-line',
        'data-turn': l.turn,
      },
      h('span', { class: 'msg-meta' }, label(l.role)),
      h('div', { class: 'bubble' }, l.text),
    ),
  );
}

function meter(label: string, value: number): HTMLElement {
  const pct = Math.round(value * 100);
  return h(
    'div',
    { class: 'meter' },
    h('span', {}, label),
    h('span', { class: 'meter-bar' }, h('span', { style: `width:${pct}%`, 'data-low': String(pct < 60) })),
    h('span', { class: 'num' }, `${pct}`),
  );
}

/** The coaching panel: step checklist, then the last reply's steps, findings, empathy/clarity, accuracy, tips. */
export function coachingPanel(
  t: Translate,
  checklist: Session['checklist'],
  note: Coaching | null,
): HTMLElement[] {
  const out: HTMLElement[] = [h('h2', {}, t('train.coach.title'))];
  if (checklist?.length) {
    out.push(
      h(
        'section',
        { 'data-testid': 'checklist' },
        h('h3', {}, t('train.coach.steps')),
        h(
          'ul',
          { class: 'checklist' },
          ...checklist.map((s) => h('li', { 'data-done': String(s.done) }, s.title)),
        ),
      ),
    );
  }
  if (!note) {
    out.push(h('section', {}, h('p', { class: 'muted' }, t('train.coach.empty'))));
    return out;
  }
  out.push(
    h(
      'section',
      { 'data-testid': 'coach-steps', 'data-turn': note.turn },
      h('h3', {}, t('train.coach.reply', { n: note.turn })),
      h(
        'p',
        {},
        note.stepsCovered.length
          ? t('train.coach.covered', { steps: note.stepsCovered.map((s) => s.title).join(' · ') })
          : t('train.coach.coveredNone'),
      ),
      note.nextStep ? h('p', { class: 'muted' }, t('train.coach.next', { step: note.nextStep.title })) : null,
    ),
    h(
      'section',
      { 'data-testid': 'coach-findings' },
      h('h3', {}, t('train.coach.findings')),
      note.findings.length === 0 ? h('p', { class: 'muted' }, t('train.coach.noFindings')) : null,
      ...note.findings.map((f) =>
        h(
          'div',
          { class: 'finding', 'data-severity': f.severity, 'data-kind': f.kind },
          f.quote ? h('q', {}, f.quote) : null,
          f.quote ? ' — ' : '',
          f.message,
        ),
      ),
    ),
    h(
      'section',
      { 'data-testid': 'coach-tone' },
      meter(t('train.coach.empathy'), note.empathy),
      meter(t('train.coach.clarity'), note.clarity),
      ...note.clarityNotes.map((n) => h('p', { class: 'small muted' }, n)),
    ),
    h(
      'section',
      { 'data-testid': 'coach-accuracy' },
      h('h3', {}, t('train.coach.accuracy')),
      h(
        'p',
        {},
        note.accuracy.wrong.length
          ? t('train.coach.wrong', { list: note.accuracy.wrong.join('; ') })
          : note.accuracy.correct
            ? t('train.coach.accuracyOk', { n: note.accuracy.correct })
            : t('train.coach.accuracyNone'),
      ),
    ),
  );
  if (note.tips.length) {
    out.push(
      h(
        'section',
        {},
        h('h3', {}, t('train.coach.tips')),
        h('ul', { class: 'tips' }, ...note.tips.map((tip) => h('li', {}, tip))),
      ),
    );
  }
  return out;
}

/** The end-of-session score: pass/fail, overall, six dimensions with evidence, failures, replay. */
export function verdictCard(
  t: Translate,
  v: Verdict,
  extra: {
    endReason?: string | null;
    personaSummary?: string | null;
    actions?: HTMLElement[];
    /** SOP step key → title, so annotations read as words. */
    stepTitles?: Record<string, string>;
  } = {},
): HTMLElement {
  const annotation = (a: Verdict['replay'][number]['annotations'][number]) => {
    const human = (key: string) => extra.stepTitles?.[key] ?? key.replaceAll('_', ' ');
    if (a.kind === 'step' || a.kind === 'disclosed' || a.kind === 'revealed' || a.kind === 'outcome') {
      return `${t(`train.ann.${a.kind}` as MessageKey)}: ${a.kind === 'outcome' ? a.note : human(a.note)}`;
    }
    return a.note;
  };
  const reason = extra.endReason ?? v.endReason;
  return h(
    'div',
    { class: 'card result-card', 'data-testid': 'verdict', 'data-passed': String(v.passed) },
    h(
      'div',
      { class: 'result-head' },
      h('h2', {}, t('train.result.title')),
      h(
        'span',
        { class: 'verdict-badge', 'data-passed': String(v.passed), 'data-testid': 'verdict-badge' },
        v.passed ? t('train.result.passed') : t('train.result.failed'),
      ),
      h(
        'span',
        { 'data-testid': 'overall' },
        t('train.result.overall', { score: v.overall, mark: v.passMark }),
      ),
    ),
    reason
      ? h('p', { class: 'muted', 'data-testid': 'end-reason' }, t(`train.end.${reason}` as MessageKey))
      : null,
    extra.personaSummary
      ? h('p', { class: 'muted' }, t('train.result.personaVerdict', { summary: extra.personaSummary }))
      : null,
    v.failures.length
      ? h(
          'div',
          { class: 'alert alert-error', 'data-testid': 'failures' },
          h('strong', {}, t('train.result.failures')),
          h('ul', {}, ...v.failures.map((f) => h('li', {}, f))),
        )
      : null,
    h(
      'div',
      { class: 'dims' },
      ...DIMS.map((d) =>
        h(
          'div',
          { class: 'dim', 'data-testid': `dim-${d}`, 'data-weak': String(v.weak.includes(d)) },
          h(
            'div',
            { class: 'dim-head' },
            h('span', {}, dimLabel(t, d)),
            h('span', { class: 'num' }, String(v.scores[d])),
          ),
          h(
            'span',
            { class: 'meter-bar' },
            h('span', { style: `width:${v.scores[d]}%`, 'data-low': String(v.scores[d] < 60) }),
          ),
          v.evidence[d].length
            ? h(
                'ul',
                { class: 'evidence' },
                ...v.evidence[d]
                  .slice(0, 4)
                  .map((e) =>
                    h(
                      'li',
                      { 'data-polarity': e.polarity },
                      e.turn !== null ? `#${e.turn} ` : '',
                      e.quote ? h('q', {}, e.quote) : null,
                      e.quote ? ' — ' : '',
                      e.note,
                    ),
                  ),
              )
            : h('p', { class: 'small muted' }, t('train.result.noEvidence')),
        ),
      ),
    ),
    h(
      'details',
      { 'data-testid': 'replay', open: true },
      h('summary', {}, t('train.result.replay')),
      h(
        'ol',
        { class: 'replay' },
        ...v.replay.map((r) =>
          h(
            'li',
            { 'data-role': r.role },
            h('strong', {}, r.role === 'customer' ? t('train.customer') : `${t('train.you')} #${r.turn}`),
            ' ',
            r.text,
            ...r.annotations.map((a) =>
              h(
                'span',
                { class: 'ann', 'data-severity': a.severity ?? 'info', 'data-testid': 'annotation' },
                `▸ ${annotation(a)}${a.quote ? ` “${a.quote}”` : ''}`,
              ),
            ),
          ),
        ),
      ),
    ),
    extra.actions?.length ? h('div', { class: 'result-actions' }, ...extra.actions) : null,
  );
}

// ── SVG charts ─────────────────────────────────────────────────────────────────────────────

const SVG = 'http://www.w3.org/2000/svg';
function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...kids: (Node | string)[]
) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const k of kids) el.append(k);
  return el;
}

/** Lines over sessions (x = session number, y = 0–100), one per series. */
export function lineChart(
  series: { label: string; colour: string; values: number[] }[],
  opts: { title: string; width?: number; height?: number },
): SVGSVGElement {
  const w = opts.width ?? 640;
  const hgt = opts.height ?? 200;
  const pad = { l: 30, r: 10, t: 10, b: 22 };
  const n = Math.max(1, ...series.map((x) => x.values.length));
  const x = (i: number) => pad.l + (n === 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (n - 1));
  const y = (v: number) => pad.t + (1 - v / 100) * (hgt - pad.t - pad.b);
  const svg = s('svg', {
    viewBox: `0 0 ${w} ${hgt}`,
    class: 'chart chart-lines',
    role: 'img',
    'aria-label': opts.title,
  });
  svg.append(s('title', {}, opts.title));
  for (const g of [0, 50, 60, 100]) {
    svg.append(
      s('line', {
        x1: pad.l,
        x2: w - pad.r,
        y1: y(g),
        y2: y(g),
        stroke: g === 60 ? '#f1b8b2' : '#edf0f4',
        'stroke-dasharray': g === 60 ? '4 3' : '',
      }),
    );
    svg.append(s('text', { x: 4, y: y(g) + 3 }, String(g)));
  }
  for (let i = 0; i < n; i++) svg.append(s('text', { x: x(i) - 3, y: hgt - 6 }, String(i + 1)));
  for (const line of series) {
    if (line.values.length === 0) continue;
    const pts = line.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    svg.append(
      s('polyline', {
        points: pts,
        fill: 'none',
        stroke: line.colour,
        'stroke-width': 2,
        'data-series': line.label,
      }),
    );
    line.values.forEach((v, i) => {
      const dot = s('circle', { cx: x(i), cy: y(v), r: 2.5, fill: line.colour });
      dot.append(s('title', {}, `${line.label} #${i + 1}: ${v}`));
      svg.append(dot);
    });
  }
  return svg;
}

/** Horizontal bars 0–100 with labels and values. */
export function barChart(
  rows: { label: string; value: number | null; colour?: string }[],
  title: string,
): SVGSVGElement {
  const w = 520;
  const rowH = 22;
  const labelW = 130;
  const hgt = rows.length * rowH + 8;
  const svg = s('svg', {
    viewBox: `0 0 ${w} ${hgt}`,
    class: 'chart chart-bars',
    role: 'img',
    'aria-label': title,
  });
  svg.append(s('title', {}, title));
  rows.forEach((r, i) => {
    const yy = 4 + i * rowH;
    svg.append(s('text', { x: 0, y: yy + 14 }, r.label));
    svg.append(
      s('rect', { x: labelW, y: yy + 4, width: w - labelW - 40, height: 12, fill: '#eef2f6', rx: 3 }),
    );
    if (r.value !== null) {
      svg.append(
        s('rect', {
          x: labelW,
          y: yy + 4,
          width: ((w - labelW - 40) * r.value) / 100,
          height: 12,
          rx: 3,
          fill: r.colour ?? (r.value < 60 ? '#b42318' : '#0a6c7a'),
        }),
      );
    }
    svg.append(s('text', { x: w - 34, y: yy + 14 }, r.value === null ? '–' : String(r.value)));
  });
  return svg;
}

/** Keyboard-friendly tabs over `[role=tab]` buttons with ids tab-<name> and panels panel-<name>. */
export function tabs<T extends string>(
  names: readonly T[],
  onShow: (name: T) => void,
  initial: T,
): (name: T) => void {
  const show = (name: T, focus = false) => {
    for (const n of names) {
      const b = document.getElementById(`tab-${n}`)!;
      const active = n === name;
      b.setAttribute('aria-selected', String(active));
      b.tabIndex = active ? 0 : -1;
      document.getElementById(`panel-${n}`)!.hidden = !active;
      if (active && focus) b.focus();
    }
    if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
    onShow(name);
  };
  names.forEach((n, i) => {
    const b = document.getElementById(`tab-${n}`)!;
    b.addEventListener('click', () => show(n));
    b.addEventListener('keydown', (ev) => {
      const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (step) show(names[(i + step + names.length) % names.length]!, true);
    });
  });
  const fromHash = location.hash.slice(1) as T;
  show(names.includes(fromHash) ? fromHash : initial);
  return (name) => show(name);
}

/** What an admin tab gets: the translator, the page language, whether the reader may edit, its panel. */
export interface AdminTab {
  t: Translate;
  lang: 'zh' | 'en';
  canEdit: boolean;
  host: HTMLElement;
}

export function errorAlert(t: Translate, err: unknown): HTMLElement {
  return h(
    'div',
    { class: 'alert alert-error', role: 'alert' },
    t('common.error', { reason: (err as Error).message }),
  );
}

export function table(headers: (string | HTMLElement)[], rows: HTMLElement[], testid: string): HTMLElement {
  return h(
    'table',
    { class: 'data', 'data-testid': testid },
    h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', {}, x)))),
    h('tbody', {}, ...rows),
  );
}
