/**
 * Time to certification for the demo cohort (trainee1–3), simulated through the real training API
 * (testing/cohort-sim.ts explains the improvement model and the simulated clock). Prints the summary
 * that goes in the closing note and writes it to test-artifacts/training-cohort.{txt,json}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  type CohortSimResult,
  drawTrainees,
  firstCertificationLine,
  simulateCohort,
  summarise,
  type TraineeOutcome,
} from './testing/cohort-sim.ts';

const DEMO_COHORT = ['trainee1@demo.test', 'trainee2@demo.test', 'trainee3@demo.test'];
const SEED = 20260601;
/** More draws of the three trainees' starting skill and learning rate, for the spread. */
const MORE_SEEDS = [1, 2];

let t: TestApp;
let result: CohortSimResult;
const allRuns: TraineeOutcome[] = [];

beforeAll(async () => {
  t = await createTestApp();
  result = await simulateCohort(t, {
    trainees: drawTrainees(DEMO_COHORT, SEED),
    skillsGoal: 2,
    maxSessions: 60,
  });
  allRuns.push(...result.outcomes);
  for (const seed of MORE_SEEDS) {
    const other = await createTestApp();
    try {
      const r = await simulateCohort(other, {
        trainees: drawTrainees(DEMO_COHORT, seed),
        skillsGoal: 1,
        maxSessions: 60,
      });
      allRuns.push(...r.outcomes);
    } finally {
      other.close();
    }
  }
  const text = [
    `Time to certification, demo cohort (seed ${SEED})`,
    summarise(result),
    `over ${1 + MORE_SEEDS.length} draws (seeds ${[SEED, ...MORE_SEEDS].join(', ')}): ${firstCertificationLine(allRuns)}`,
  ].join('\n');
  console.log(`\n${text}\n`);
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync('test-artifacts/training-cohort.txt', `${text}\n`);
  writeFileSync(
    'test-artifacts/training-cohort.json',
    JSON.stringify({ seed: SEED, outcomes: result.outcomes, allRuns }, null, 2),
  );
}, 600_000);
afterAll(() => t.close());

describe('demo cohort time to certification', () => {
  it('every trainee improving from careless to by-the-book replies is certified within the session cap', () => {
    expect(allRuns).toHaveLength(DEMO_COHORT.length * (1 + MORE_SEEDS.length));
    for (const o of allRuns) {
      expect(o.certifications.length, o.email).toBeGreaterThan(0);
      const first = o.certifications[0]!;
      expect(first.totalSessions).toBeGreaterThanOrEqual(first.sessions);
      expect(first.sessions).toBeGreaterThanOrEqual(3); // N = 3 passes, spread over the skill's cards
      expect(first.liveTests).toBeGreaterThanOrEqual(1);
      expect(first.totalPracticeHours).toBeGreaterThan(0);
    }
  });

  it('the cohort view agrees with the simulation', async () => {
    const supervisor = await t.login('supervisor@demo.test');
    const cohort = (await (await t.call('GET', '/api/v1/training/cohort', { token: supervisor })).json()) as {
      summary: { certified: number };
      members: { certifications: unknown[]; sessions: number }[];
    };
    expect(cohort.summary.certified).toBe(result.outcomes.filter((o) => o.certifications.length > 0).length);
    expect(cohort.members.reduce((n, m) => n + m.sessions, 0)).toBe(
      result.outcomes.reduce((n, o) => n + o.sessions, 0),
    );
  });

  it('replies come back within a second', () => {
    expect(Math.max(...result.replyLatencyMs)).toBeLessThan(1000);
  });
});
