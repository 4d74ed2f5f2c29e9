/**
 * @module The `copilot` eval suite: SOP step tracking and suggested replies of the embedded
 * co-pilot (assist/copilot) on authored zh/en conversations of the 12 demo SOPs, and on cases
 * derived from τ²-bench policies and tasks and from Bitext replies (loaders.ts says exactly what
 * those derived figures mean). Metrics: metrics.ts. Goals on the authored set: stepAccuracy ≥ 0.85,
 * referenceTop3 ≥ 0.80.
 *
 * Every provider runs the embedded engine for now (LLM drafting comes later) and the run records
 * that. A case names its tenant in `kb`; each tenant's co-pilot is built once, on first use.
 */
import { type Copilot, type CopilotOptions, createCopilot } from '#assist/copilot/index.ts';
import type { SuiteDefinition } from '../harness/suite.ts';
import { type CopilotCase, CopilotCaseSchema, type CopilotPrediction } from './case.ts';
import { demoTenant } from './demo-tenant.ts';
import { loadPublicCopilotSets, publicTenant } from './loaders.ts';
import { scoreCopilot } from './metrics.ts';

export const suite: SuiteDefinition<CopilotCase, CopilotPrediction> = {
  name: 'copilot',
  description:
    'Suggested-reply co-pilot (zh + en): SOP step accuracy, reference reply in the top 3, must-include fact coverage; authored demo-SOP conversations plus τ²-bench- and Bitext-derived sets.',
  caseSchema: CopilotCaseSchema,
  casesFile: 'eval/copilot/cases.jsonl',
  loadPublic: loadPublicCopilotSets,
  async prepare(ctx) {
    const tenants = new Map<string, Promise<Copilot>>();
    const tenant = (kb: string): Promise<Copilot> => {
      let t = tenants.get(kb);
      if (!t) {
        const options: Promise<CopilotOptions> =
          kb === 'demo' ? demoTenant() : publicTenant(kb, ctx.datasetsDir);
        t = options.then(createCopilot);
        tenants.set(kb, t);
      }
      return t;
    };
    return {
      provider: 'embedded',
      promptVersion: null,
      async predict(c) {
        const copilot = await tenant(c.kb ?? 'demo');
        const r = copilot.suggest({ sop: c.sop, messages: c.history });
        return {
          step: r.step?.key ?? 'none',
          lang: r.lang,
          suggestions: r.suggestions.map((s) => ({
            text: s.text,
            lang: s.lang,
            source: s.source,
            sourceId: s.sourceId,
          })),
          injection: r.signals.injection,
        };
      },
    };
  },
  score: scoreCopilot,
};

export default suite;
