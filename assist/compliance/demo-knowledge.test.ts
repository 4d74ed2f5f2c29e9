import { describe, expect, it } from 'vitest';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { DEMO_ARTICLES } from '#src/db/seed/demo-knowledge.ts';
import { DEMO_SOPS } from '#src/db/seed/demo-sops.ts';
import { DISCLOSURE_CUES } from './default-pack/disclosure.ts';
import { KB_TOPICS } from './default-pack/kb.ts';
import { defaultPack } from './default-pack.ts';
import { demoComplianceKnowledge, demoFacts } from './demo-knowledge.ts';
import { createComplianceChecker } from './engine.ts';

const checker = createComplianceChecker(defaultPack(), {
  detector: createPiiDetector(),
  knowledge: demoComplianceKnowledge(),
});

describe('demo knowledge and the default pack', () => {
  it('uses only topic ids the default pack knows', () => {
    const ids = new Set(KB_TOPICS.map((t) => t.id));
    for (const f of demoFacts()) expect(ids.has(f.topic), f.topic).toBe(true);
  });

  it('has disclosure cues for every mustDisclose key of the demo SOPs', () => {
    const keys = new Set(DEMO_SOPS.flatMap((s) => s.steps.flatMap((st) => st.mustDisclose)));
    expect([...keys].filter((k) => !(k in DISCLOSURE_CUES))).toEqual([]);
  });

  it('finds nothing wrong in the knowledge articles themselves', () => {
    const noisy = DEMO_ARTICLES.filter((a) => checker.check(a.body).some((f) => f.severity !== 'info'));
    expect(noisy.map((a) => a.title)).toEqual([]);
  });

  it('finds nothing wrong in the SOP scripts, each checked at its own step', () => {
    const noisy: string[] = [];
    for (const sop of DEMO_SOPS) {
      for (const step of sop.steps) {
        for (const script of [step.scriptZh, step.scriptEn]) {
          const findings = checker.check(script, { sop: sop.key, step: step.key });
          if (findings.some((f) => f.severity !== 'info')) noisy.push(`${sop.key}/${step.key}: ${script}`);
        }
      }
    }
    expect(noisy).toEqual([]);
  });
});
