/**
 * @module Time to certification for a simulated cohort, through the real training API.
 *
 * Each simulated trainee follows the personalised path (POST /training/sessions with no card) and
 * improves with practice: at their k-th session they answer at skill q = min(1, q0 + rate × k)
 * (q0 and rate drawn per trainee from a seed), i.e. each reply is the card's by-the-book reply with
 * probability q, else the careless golden transcript's reply at that point (or nothing) — bad,
 * then mediocre, then good (testing/scripted-trainee.ts). Simulated time runs on the app's fake
 * clock: a reply takes 15 s to think plus typing at 1.2 characters a second, there are 2 minutes
 * between sessions, and a trainee practises 2 hours a day (then the next day starts).
 *
 * When a skill is ready for its live test (enough scenarios passed), a supervisor runs one on a
 * card of that skill: the supervisor plays the customer for three exchanges, the trainee answers at
 * their current skill, and the supervisor passes them when those replies covered at least half of
 * the card's required SOP steps with no warning or blocking finding from the coach; otherwise
 * practice continues and the test is retried after two more passed sessions of the skill. A live
 * test takes 15 minutes.
 *
 * Reported per trainee and skill: practice sessions, practice hours (time in sessions) and
 * calendar days from the first session of the skill to the certificate.
 */
import { createRandom } from '#src/core/simulation/random.ts';
import type { TestApp } from '../../../../test/helpers/app.ts';
import { improvingReplies } from './scripted-trainee.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SimTrainee {
  email: string;
  q0: number;
  rate: number;
}

export interface CertificationPoint {
  skill: string;
  /** Practice sessions, practice hours and calendar days of this skill, from its first session. */
  sessions: number;
  practiceHours: number;
  days: number;
  liveTests: number;
  /** The same from the trainee's very first session (all skills practised on the way). */
  totalSessions: number;
  totalPracticeHours: number;
  totalDays: number;
}

export interface TraineeOutcome {
  email: string;
  q0: number;
  rate: number;
  sessions: number;
  passed: number;
  practiceHours: number;
  certifications: CertificationPoint[];
}

export interface CohortSimOptions {
  trainees: SimTrainee[];
  /** Stop a trainee after this many certified skills (default 2). */
  skillsGoal?: number;
  /** Stop a trainee after this many practice sessions (default 60). */
  maxSessions?: number;
  practiceMsPerDay?: number;
}

export interface CohortSimResult {
  outcomes: TraineeOutcome[];
  /** Wall-clock latency of every reply through the API, ms (the "within a second" budget). */
  replyLatencyMs: number[];
}

interface Turn {
  ended: boolean;
}
interface Progress {
  skills: { skill: string; status: string; passedCards: unknown[] }[];
}
interface Card {
  cardId: string;
  skill: string;
  lang: string;
}

/** Seeded skill parameters for `emails` (q0 in [0.05, 0.3], rate in [0.04, 0.1] per session). */
export function drawTrainees(emails: readonly string[], seed: number): SimTrainee[] {
  const rng = createRandom(seed);
  return emails.map((email) => ({
    email,
    q0: Math.round((0.05 + 0.25 * rng.next()) * 100) / 100,
    rate: Math.round((0.04 + 0.06 * rng.next()) * 1000) / 1000,
  }));
}

export async function simulateCohort(t: TestApp, opts: CohortSimOptions): Promise<CohortSimResult> {
  // Sessions expire as simulated days pass: sign in again whenever the clock moved an hour.
  const tokens = new Map<string, { token: string; at: number }>();
  const signedIn = async (email: string) => {
    const held = tokens.get(email);
    if (held && t.clock.now() - held.at < HOUR) return held.token;
    const token = await t.login(email);
    tokens.set(email, { token, at: t.clock.now() });
    return token;
  };
  let supervisor = await signedIn('supervisor@demo.test');
  const latency: number[] = [];
  const json = async <T>(res: Response): Promise<T> => {
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const cards = (
    await json<{ items: Card[] }>(await t.call('GET', '/api/v1/training/cards', { token: supervisor }))
  ).items;
  const outcomes: TraineeOutcome[] = [];

  for (const [n, who] of opts.trainees.entries()) {
    let token = await signedIn(who.email);
    const me = await json<{ id: string; locale?: 'zh' | 'en'; user?: { id: string; locale: 'zh' | 'en' } }>(
      await t.call('GET', '/api/v1/me', { token }),
    );
    const userId = me.user?.id ?? me.id;
    const locale = me.user?.locale ?? me.locale ?? 'zh';
    const out: TraineeOutcome = { ...who, sessions: 0, passed: 0, practiceHours: 0, certifications: [] };
    const firstOfSkill = new Map<string, { at: number; sessions: number; practiceMs: number }>();
    const sessionsOfSkill = new Map<string, number>();
    const practiceOfSkill = new Map<string, number>();
    const liveTries = new Map<string, number>();
    const retestAfter = new Map<string, number>();
    const passesOfSkill = new Map<string, number>();
    let usedToday = 0;
    let practiceMs = 0;
    const startedAt = t.clock.now();

    const spend = (ms: number) => {
      t.clock.advance(ms);
      usedToday += ms;
    };
    const nextDayIfNeeded = () => {
      if (usedToday < (opts.practiceMsPerDay ?? 2 * HOUR)) return;
      t.clock.advance(DAY - usedToday);
      usedToday = 0;
    };

    while (out.sessions < (opts.maxSessions ?? 60) && out.certifications.length < (opts.skillsGoal ?? 2)) {
      nextDayIfNeeded();
      token = await signedIn(who.email);
      supervisor = await signedIn('supervisor@demo.test');
      const q = Math.min(1, who.q0 + who.rate * out.sessions);
      const started = await json<{ id: string; card: { cardId: string; skill: string } }>(
        await t.call('POST', '/api/v1/training/sessions', { token, body: {} }),
      );
      const skill = started.card.skill;
      if (!firstOfSkill.has(skill))
        firstOfSkill.set(skill, { at: t.clock.now(), sessions: 0, practiceMs: 0 });
      const began = t.clock.now();
      const replies = improvingReplies(started.card.cardId, q, 1000 * n + out.sessions);
      let ended = false;
      for (const [i, text] of replies.entries()) {
        spend(15 * SECOND + (text.length / 1.2) * SECOND);
        const t0 = performance.now();
        const r = await json<Turn>(
          await t.call('POST', `/api/v1/training/sessions/${started.id}/turns`, {
            token,
            body: { text, clientTurnId: `sim-${out.sessions}-${i}` },
          }),
        );
        latency.push(performance.now() - t0);
        if (r.ended) {
          ended = true;
          break;
        }
      }
      if (!ended)
        await json(
          await t.call('POST', `/api/v1/training/sessions/${started.id}/finish`, { token, body: {} }),
        );
      const session = await json<{ passed: boolean | null }>(
        await t.call('GET', `/api/v1/training/sessions/${started.id}`, { token }),
      );
      const took = t.clock.now() - began;
      practiceMs += took;
      out.sessions += 1;
      sessionsOfSkill.set(skill, (sessionsOfSkill.get(skill) ?? 0) + 1);
      practiceOfSkill.set(skill, (practiceOfSkill.get(skill) ?? 0) + took);
      if (session.passed) {
        out.passed += 1;
        passesOfSkill.set(skill, (passesOfSkill.get(skill) ?? 0) + 1);
      }
      spend(2 * MINUTE);

      // Live tests for every skill that is ready (and not waiting for a retest).
      const progress = await json<Progress>(await t.call('GET', '/api/v1/training/progress', { token }));
      for (const s of progress.skills.filter((x) => x.status === 'ready-for-live')) {
        if ((passesOfSkill.get(s.skill) ?? 0) < (retestAfter.get(s.skill) ?? 0)) continue;
        const card =
          cards.find((c) => c.skill === s.skill && c.lang === locale) ??
          cards.find((c) => c.skill === s.skill);
        if (!card) continue;
        liveTries.set(s.skill, (liveTries.get(s.skill) ?? 0) + 1);
        const live = await json<{ id: string }>(
          await t.call('POST', '/api/v1/training/live-tests', {
            token: supervisor,
            body: { traineeId: userId, cardId: card.cardId },
          }),
        );
        const lines =
          locale === 'zh'
            ? ['你好，我想咨询一下。', '嗯，然后呢？', '好的，还有吗？']
            : ['Hi, I need some help please.', 'OK, and then?', 'Right. Anything else?'];
        const answers = improvingReplies(card.cardId, q, 7000 + 1000 * n + out.sessions).slice(0, 3);
        for (const [i, text] of answers.entries()) {
          await json(
            await t.call('POST', `/api/v1/training/sessions/${live.id}/customer`, {
              token: supervisor,
              body: { text: lines[i] ?? lines[0], clientTurnId: `c-${i}` },
            }),
          );
          await json(
            await t.call('POST', `/api/v1/training/sessions/${live.id}/turns`, {
              token,
              body: { text, clientTurnId: `live-${i}` },
            }),
          );
        }
        const view = await json<{
          coaching: { findings: { severity: string }[] }[] | null;
          checklist: { done: boolean }[] | null;
        }>(await t.call('GET', `/api/v1/training/sessions/${live.id}`, { token: supervisor }));
        const steps = view.checklist ?? [];
        const passed =
          steps.filter((x) => x.done).length * 2 >= steps.length &&
          (view.coaching ?? []).every((c) =>
            c.findings.every((f) => f.severity !== 'warn' && f.severity !== 'block'),
          );
        spend(15 * MINUTE);
        const recorded = await json<{ certified: { skill: string }[] }>(
          await t.call('POST', `/api/v1/training/sessions/${live.id}/live-result`, {
            token: supervisor,
            body: { passed, note: passed ? 'Passed the live call.' : 'Not yet: retest after more practice.' },
          }),
        );
        if (!passed) retestAfter.set(s.skill, (passesOfSkill.get(s.skill) ?? 0) + 2);
        for (const c of recorded.certified) {
          const first = firstOfSkill.get(c.skill)!;
          out.certifications.push({
            skill: c.skill,
            sessions: sessionsOfSkill.get(c.skill) ?? 0,
            practiceHours: Math.round(((practiceOfSkill.get(c.skill) ?? 0) / HOUR) * 100) / 100,
            days: Math.round(((t.clock.now() - first.at) / DAY) * 10) / 10,
            liveTests: liveTries.get(c.skill) ?? 0,
            totalSessions: out.sessions,
            totalPracticeHours: Math.round((practiceMs / HOUR) * 100) / 100,
            totalDays: Math.round(((t.clock.now() - startedAt) / DAY) * 10) / 10,
          });
        }
      }
    }
    out.practiceHours = Math.round((practiceMs / HOUR) * 100) / 100;
    outcomes.push(out);
  }
  return { outcomes, replyLatencyMs: latency };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length
    ? v.length % 2
      ? v[(v.length - 1) / 2]!
      : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2
    : Number.NaN;
};

/** A plain-text summary table of one run. */
export function summarise(result: CohortSimResult): string {
  const lines: string[] = [];
  const pct = (xs: number[], p: number) => {
    const v = [...xs].sort((a, b) => a - b);
    return v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))]! : 0;
  };
  lines.push(
    'trainee               q0    rate  sessions passed hours  first certificate: skill — total sessions / practice h / days (skill-only sessions, live tests)',
  );
  for (const o of result.outcomes) {
    const c = o.certifications;
    const describe = (x: CertificationPoint) =>
      `${x.skill} — ${x.totalSessions} / ${x.totalPracticeHours} h / ${x.totalDays} d (${x.sessions}, ${x.liveTests})`;
    lines.push(
      `${o.email.padEnd(20)} ${o.q0.toFixed(2).padStart(5)} ${o.rate.toFixed(3).padStart(6)} ${String(o.sessions).padStart(9)} ${String(o.passed).padStart(6)} ${o.practiceHours.toFixed(2).padStart(5)}  ${
        c[0] ? describe(c[0]) : 'not certified'
      }${c.length > 1 ? `; then ${c.slice(1).map(describe).join('; ')}` : ''}`,
    );
  }
  lines.push(firstCertificationLine(result.outcomes));
  lines.push(
    `reply latency through the API: p50 ${pct(result.replyLatencyMs, 0.5).toFixed(1)} ms, p95 ${pct(result.replyLatencyMs, 0.95).toFixed(1)} ms, max ${Math.max(...result.replyLatencyMs).toFixed(1)} ms over ${result.replyLatencyMs.length} replies`,
  );
  return lines.join('\n');
}

/** Mean and median sessions, practice hours and days to the first certificate, over trainee runs. */
export function firstCertificationLine(outcomes: readonly TraineeOutcome[]): string {
  const firsts = outcomes.map((o) => o.certifications[0]).filter((c) => c !== undefined);
  const f = (xs: number[], digits: number) =>
    `${mean(xs).toFixed(digits)} (median ${median(xs).toFixed(digits)})`;
  return `first certificate: ${firsts.length}/${outcomes.length} trainee runs; mean ${f(
    firsts.map((c) => c.totalSessions),
    1,
  )} sessions, ${f(
    firsts.map((c) => c.totalPracticeHours),
    2,
  )} practice hours, ${f(
    firsts.map((c) => c.totalDays),
    1,
  )} days at 2 h of practice a day`;
}
