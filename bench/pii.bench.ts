/**
 * @module `pii` benchmark. (1) Latency: detect + mask (display) of a 1,000-character bilingual
 * customer message, median and p99 over many runs — target p99 < 2 ms. (2) Side by side, in the
 * same run and on the same corpus (the authored golden set plus presidio-synth and
 * cn-pii-testvectors when TIDEDESK_DATASETS has them): Tidedesk vs @openredaction/openredaction
 * and @dawn-analytics/redact-pii — span F1 per type (exact and overlap) and throughput, with
 * Tidedesk's advantage as F1 points and a speed ratio.
 *
 * Fairness notes: each library's own types are mapped onto Tidedesk's (unmapped ones, such as
 * ZIP codes or crypto addresses, are dropped rather than counted as false positives); redact-pii
 * only returns redacted text, so its spans are recovered by aligning its output (each built-in
 * writes a distinct private-use marker) with the input, and its redactors with no Tidedesk
 * counterpart (digits, zipcode, url, username, password, credentials) are turned off. Throughput
 * times what each library does per message: Tidedesk detect + display mask, OpenRedaction
 * detect (which also redacts), redact-pii redact (as configured above) — interleaved passes over
 * the combined corpus, median pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SyncRedactor } from '@dawn-analytics/redact-pii';
import { OpenRedaction } from '@openredaction/openredaction';
import { loadEnv } from '#src/config/env.ts';
import { createPiiDetector, detectAndMask } from '#src/core/pii/index.ts';
import { datasetsSetting, locateDatasets } from '../eval/harness/datasets.ts';
import { parseJsonl } from '../eval/harness/jsonl.ts';
import { type PiiCase, PiiCaseSchema } from '../eval/pii/case.ts';
import { loadPublicPiiSets } from '../eval/pii/loaders.ts';
import { type Span, spanReport } from '../eval/pii/span-metrics.ts';
import { median, summarize } from './lib/stats.ts';
import { type BenchContext, type Benchmark, type BenchResult, target } from './lib/types.ts';

type Spanner = (text: string) => Span[];

interface System {
  name: string;
  /** Spans mapped to Tidedesk types. */
  spans: Spanner;
  /** The per-message work that is timed. */
  work: (text: string) => unknown;
}

function tidedesk(): System {
  const detector = createPiiDetector();
  return {
    name: 'tidedesk',
    spans: (text) => detector.detect(text),
    work: (text) => detectAndMask(detector, text, 'display'),
  };
}

const OPENREDACTION_TYPES: [RegExp, string][] = [
  [/^NAME$/, 'PERSON'],
  [/^PHONE/, 'PHONE'],
  [/^EMAIL$/, 'EMAIL'],
  [/^CREDIT_CARD$/, 'BANK_CARD'],
  [/^SSN$/, 'US_SSN'],
  [/^IPV[46]$/, 'IP_ADDRESS'],
  [/^ADDRESS_(?:STREET|PO_BOX)$/, 'ADDRESS'],
  [/PASSPORT/, 'PASSPORT'],
  [/LICENSE_PLATE$/, 'LICENSE_PLATE'],
  [/^DATE_OF_BIRTH$/, 'DATE_OF_BIRTH'],
  [/^(?:CHIN(?:A|ESE)_(?:NATIONAL|RESIDENT)_ID|CN_ID)/, 'CN_ID'],
];

function openRedaction(): System {
  const shield = new OpenRedaction();
  return {
    name: 'openredaction',
    spans: (text) =>
      shield.detect(text).detections.flatMap((d) => {
        const type = OPENREDACTION_TYPES.find(([re]) => re.test(d.type))?.[1];
        return type ? [{ type, start: d.position[0], end: d.position[1] }] : [];
      }),
    work: (text) => shield.detect(text),
  };
}

// One private-use character per redact-pii built-in; none is a letter, digit or space, so no
// later built-in matches an earlier one's marker.
const REDACT_PII_TYPES: Record<string, string> = {
  creditCardNumber: 'BANK_CARD',
  streetAddress: 'ADDRESS',
  phoneNumber: 'PHONE',
  ipAddress: 'IP_ADDRESS',
  usSocialSecurityNumber: 'US_SSN',
  emailAddress: 'EMAIL',
  names: 'PERSON',
};
const REDACT_PII_OFF = ['digits', 'zipcode', 'url', 'username', 'password', 'credentials'];

function redactPii(): System {
  const names = Object.keys(REDACT_PII_TYPES);
  const marker = (i: number) => String.fromCharCode(0xe000 + i);
  const builtInRedactors: Record<string, { enabled?: boolean; replaceWith?: string }> = {};
  names.forEach((n, i) => {
    builtInRedactors[n] = { replaceWith: marker(i) };
  });
  for (const n of REDACT_PII_OFF) builtInRedactors[n] = { enabled: false };
  const redactor = new SyncRedactor({ builtInRedactors });
  return {
    name: 'redact-pii',
    spans: (text) =>
      alignMarkers(text, redactor.redact(text), (code) => REDACT_PII_TYPES[names[code - 0xe000] ?? '']),
    work: (text) => redactor.redact(text),
  };
}

/**
 * Recover replaced spans: the redacted text is the original with some spans swapped for one
 * marker each, so an anchored pattern of the literal pieces with a lazy group per marker
 * reproduces the original and its groups are the spans.
 */
export function alignMarkers(
  original: string,
  redacted: string,
  typeOf: (code: number) => string | undefined,
): Span[] {
  const parts = redacted.split(/([\ue000-\ue0ff])/);
  const markers: number[] = [];
  let source = '^';
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      markers.push(parts[i]!.charCodeAt(0));
      source += '([\\s\\S]+?)';
    } else source += parts[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  if (markers.length === 0) return [];
  const m = new RegExp(`${source}$`, 'd').exec(original);
  if (!m?.indices) return [];
  return markers.flatMap((code, i) => {
    const type = typeOf(code);
    const at = m.indices![i + 1];
    return type && at ? [{ type, start: at[0], end: at[1] }] : [];
  });
}

/** A 1,000-character bilingual message made of golden cases (realistic mix of PII and noise). */
export function thousandCharMessage(cases: readonly PiiCase[]): string {
  const zh = cases.filter((c) => c.lang === 'zh' && c.entities.length > 0);
  const en = cases.filter((c) => c.lang === 'en' && c.entities.length > 0);
  let text = '';
  for (let i = 0; text.length < 1000; i++) text += `${(i % 2 === 0 ? zh : en)[i % 40]!.text} `;
  return text.slice(0, 1000);
}

interface SetRun {
  set: string;
  cases: number;
  chars: number;
  reports: Record<string, { exact: ReturnType<typeof spanReport>; overlap: ReturnType<typeof spanReport> }>;
  /** Messages per second per system. */
  throughput: Record<string, number>;
}

function scoreSystem(system: System, cases: readonly PiiCase[]) {
  const pairs = cases.map((c) => {
    const predicted = system.spans(c.text);
    const types = c.scoredTypes;
    return {
      gold: c.entities,
      predicted: types ? predicted.filter((p) => types.includes(p.type)) : predicted,
    };
  });
  return { exact: spanReport(pairs, 'exact'), overlap: spanReport(pairs, 'overlap') };
}

/**
 * Messages per second for each system. Passes over the corpus are interleaved (A, B, C, A, B, C …)
 * and the median pass counts, so a burst of load from other processes on a shared machine hits
 * every system alike instead of whichever happened to be running.
 */
function timeSystems(
  systems: readonly System[],
  cases: readonly PiiCase[],
  rounds: number,
): Record<string, number> {
  for (const s of systems) for (const c of cases) s.work(c.text);
  const passes: Record<string, number[]> = Object.fromEntries(systems.map((s) => [s.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const s of systems) {
      const started = performance.now();
      for (const c of cases) s.work(c.text);
      passes[s.name]!.push(performance.now() - started);
    }
  }
  return mapValues(passes, (ms) => cases.length / (median(ms) / 1000));
}

const round = (v: number, d = 3) => Number(v.toFixed(d));

async function run(ctx: BenchContext): Promise<BenchResult> {
  const quick = ctx.options.quick;
  const golden = parseJsonl(
    readFileSync(join(ctx.root, 'eval', 'pii', 'cases.jsonl'), 'utf8'),
    PiiCaseSchema,
    'eval/pii/cases.jsonl',
  );
  const located = await locateDatasets(datasetsSetting(loadEnv().TIDEDESK_DATASETS));
  const publicSets = located.dir ? await loadPublicPiiSets(located.dir) : [];
  if (!located.dir) ctx.log(`  ${located.notice ?? 'public datasets absent'}: golden set only`);
  const sets = [
    { name: 'authored', cases: golden },
    ...publicSets.map((s) => ({ name: s.name, cases: s.cases })),
  ];
  const all = sets.flatMap((s) => s.cases);
  sets.push({ name: 'combined', cases: all });

  // 1. Latency of detect + mask on a 1,000-character message.
  const td = tidedesk();
  const message = thousandCharMessage(golden);
  const iterations = quick ? 300 : (ctx.options.runs ?? 3000);
  for (let i = 0; i < 200; i++) td.work(message);
  const samples: number[] = [];
  const roundP99: number[] = [];
  const roundSize = Math.max(100, Math.floor(iterations / 10));
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    td.work(message);
    samples.push(performance.now() - t0);
    if (samples.length % roundSize === 0) roundP99.push(summarize(samples.slice(-roundSize), 3).p99);
  }
  const latency = summarize(samples, 3);
  // The p99 of each round of calls, median over rounds: on a shared machine one burst of other
  // work lands in one round instead of setting the whole run's p99. Reported beside, not instead.
  const roundMedianP99 = Number(median(roundP99).toFixed(3));
  ctx.log(
    `  detect+mask 1,000 chars: p50 ${latency.p50} ms, p99 ${latency.p99} ms (${iterations} runs); median per-round p99 ${roundMedianP99} ms`,
  );

  // 2. Side by side.
  const systems = [td, openRedaction(), redactPii()];
  const rounds = quick ? 3 : 15;
  const runs: SetRun[] = sets.map((s) => {
    const reports: SetRun['reports'] = {};
    for (const sys of systems) reports[sys.name] = scoreSystem(sys, s.cases);
    const throughput = s.name === 'combined' ? timeSystems(systems, s.cases, rounds) : {};
    ctx.log(`  scored ${s.name} (${s.cases.length} cases)`);
    return {
      set: s.name,
      cases: s.cases.length,
      chars: s.cases.reduce((n, c) => n + c.text.length, 0),
      reports,
      throughput,
    };
  });

  const rows: (string | number)[][] = [];
  const metrics: Record<string, unknown> = {
    latencyMs: latency,
    latencyRoundMedianP99Ms: roundMedianP99,
    message: { chars: message.length },
  };
  for (const r of runs) {
    const types = new Set(Object.values(r.reports).flatMap((rep) => Object.keys(rep.exact.byType)));
    const row = (label: string, pick: (rep: SetRun['reports'][string]) => [number, number]) => [
      r.set,
      label,
      ...systems.map((s) => {
        const [e, o] = pick(r.reports[s.name]!);
        return `${e.toFixed(2)} / ${o.toFixed(2)}`;
      }),
    ];
    rows.push(row('overall F1', (rep) => [rep.exact.overall.f1, rep.overlap.overall.f1]));
    for (const t of [...types].sort()) {
      rows.push(row(t, (rep) => [rep.exact.byType[t]?.f1 ?? 0, rep.overlap.byType[t]?.f1 ?? 0]));
    }
    metrics[r.set] = Object.fromEntries(
      systems.map((s) => {
        const rep = r.reports[s.name]!;
        return [
          s.name,
          {
            exact: { ...roundPrf(rep.exact.overall), byType: mapValues(rep.exact.byType, roundPrf) },
            overlap: { ...roundPrf(rep.overlap.overall), byType: mapValues(rep.overlap.byType, roundPrf) },
          },
        ];
      }),
    );
  }
  const combined = runs.find((r) => r.set === 'combined')!;
  const combinedChars = combined.chars / combined.cases;
  rows.push([
    'combined',
    'msgs/s (chars/s)',
    ...systems.map(
      (s) =>
        `${Math.round(combined.throughput[s.name]!)} (${Math.round(combined.throughput[s.name]! * combinedChars)})`,
    ),
  ]);
  metrics.throughputMsgsPerSec = mapValues(combined.throughput, (v) => Math.round(v));

  const tdF1 = combined.reports.tidedesk!;
  const targets = [
    target('detect+mask 1,000 chars p99', latency.p99, '<', 2, 'ms'),
    target('detect+mask 1,000 chars p99 (median of rounds)', roundMedianP99, '<', 2, 'ms'),
  ];
  for (const other of systems.slice(1)) {
    const o = combined.reports[other.name]!;
    const exactGain = round((tdF1.exact.overall.f1 - o.exact.overall.f1) * 100, 1);
    const overlapGain = round((tdF1.overlap.overall.f1 - o.overlap.overall.f1) * 100, 1);
    const speed = round(combined.throughput.tidedesk! / combined.throughput[other.name]!, 2);
    metrics[`vs_${other.name}`] = {
      exactF1Points: exactGain,
      overlapF1Points: overlapGain,
      speedRatio: speed,
    };
    targets.push(target(`overall F1 (overlap) gain vs ${other.name}`, overlapGain, '>=', 10, 'points'));
    targets.push(target(`overall F1 (exact) gain vs ${other.name}`, exactGain, '>=', 10, 'points'));
    targets.push(target(`throughput ratio vs ${other.name}`, speed, '>', 1, '×'));
  }
  return {
    metrics,
    table: { columns: ['set', 'type · F1 exact / overlap', ...systems.map((s) => s.name)], rows },
    targets,
  };
}

function roundPrf(p: { precision: number; recall: number; f1: number; support: number }) {
  return { precision: round(p.precision), recall: round(p.recall), f1: round(p.f1), support: p.support };
}

function mapValues<T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

export const benchmark: Benchmark = {
  name: 'pii',
  description:
    'PII detect + mask latency on a 1,000-char bilingual message; span F1 per type and throughput vs OpenRedaction and redact-pii',
  run,
};
