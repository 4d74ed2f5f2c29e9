/**
 * @module The `compliance` eval suite: the embedded mid-typing checker (default e-commerce pack,
 * demo tenant knowledge and SOPs) on the authored zh/en drafts (eval/compliance/cases.jsonl,
 * labelled as labeling.md describes), plus the public tone sets COLD (zh offensive) and Stanford
 * Politeness (en), scored on rude_tone only. Goals on the authored set: per-category F1 ≥ 0.90 and
 * falseBlockRate ≤ 1 %. There is no LLM pass yet, so every provider runs the embedded checker
 * and the run says so.
 */
import { defaultPack } from '#assist/compliance/default-pack.ts';
import { demoComplianceKnowledge } from '#assist/compliance/demo-knowledge.ts';
import { createComplianceChecker } from '#assist/compliance/engine.ts';
import type { Category } from '#assist/compliance/types.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import type { SuiteDefinition } from '../harness/suite.ts';
import { type ComplianceCase, ComplianceCaseSchema, type CompliancePrediction } from './case.ts';
import { loadPublicComplianceSets } from './loaders.ts';
import { scoreCompliance } from './score.ts';

/** The checker a suite run uses: what a Demo Mall agent's browser would run. */
export function buildChecker() {
  return createComplianceChecker(defaultPack(), {
    detector: createPiiDetector(),
    knowledge: demoComplianceKnowledge(),
  });
}

export const suite: SuiteDefinition<ComplianceCase, CompliancePrediction> = {
  name: 'compliance',
  description:
    'Mid-typing compliance checker (zh + en, embedded rules): per-category P/R/F1, macro-F1 and false-block rate on authored drafts (goals F1 ≥ 0.90 per category, false blocks ≤ 1 %); COLD and Stanford Politeness score rude_tone only.',
  caseSchema: ComplianceCaseSchema,
  casesFile: 'eval/compliance/cases.jsonl',
  loadPublic: loadPublicComplianceSets,
  async prepare() {
    const checker = buildChecker();
    return {
      provider: 'embedded',
      promptVersion: null,
      predict(c: ComplianceCase): CompliancePrediction {
        const findings = checker.check(c.draft, {
          ...(c.context?.customer ? { customer: c.context.customer } : {}),
          ...(c.context?.sop ? { sop: c.context.sop } : {}),
          ...(c.context?.step ? { step: c.context.step } : {}),
          locale: c.lang,
        });
        const categories = new Set<Category>();
        const blocked = new Set<Category>();
        for (const f of findings) {
          if (f.severity !== 'info') categories.add(f.category);
          if (f.severity === 'block') blocked.add(f.category);
        }
        return {
          categories: [...categories],
          blocked: [...blocked],
          findings: findings.map(({ rule, category, severity, start, end }) => ({
            rule,
            category,
            severity,
            start,
            end,
          })),
        };
      },
    };
  },
  score: scoreCompliance,
};

export default suite;
