/**
 * @module The `intent` eval suite: intent → SOP routing. The authored golden set
 * (eval/intent/cases.jsonl, zh + en messages for the demo tenant's 12 SOPs plus out-of-scope
 * messages) is scored with the classifier a tenant would get: trained on the demo SOPs' phrasings
 * and SOP texts, with the built-in background class. Public sets (BANKING77, CLINC150) train on
 * their own train split; `--train FILE` replaces the training data for the main set. There is no
 * LLM intent classifier yet, so every provider runs the embedded one and the run says so.
 */
import type { IntentClassifier, IntentPrediction } from '#assist/intent/classifier.ts';
import { EmbeddedIntentClassifier } from '#assist/intent/classifier.ts';
import { sopTextsFromSeed, trainSopClassifier } from '#assist/intent/sop-training.ts';
import { DEMO_SOPS } from '#src/db/seed/demo-sops.ts';
import type { SuiteDefinition } from '../harness/suite.ts';
import { type IntentCase, IntentCaseSchema } from './case.ts';
import { loadPublicIntentSets } from './loaders.ts';
import { scoreIntent } from './score.ts';

/** The classifier a suite run uses: fitted on `train` when given, else the demo tenant's SOPs. */
export function buildClassifier(train?: readonly IntentCase[]): EmbeddedIntentClassifier {
  if (train && train.length > 0) {
    return EmbeddedIntentClassifier.train(train.map((c) => ({ text: c.text, label: c.label })));
  }
  return trainSopClassifier(sopTextsFromSeed(DEMO_SOPS));
}

export const suite: SuiteDefinition<IntentCase, IntentPrediction> = {
  name: 'intent',
  description:
    'Intent → SOP routing (zh + en): accuracy, macro-F1 and out-of-scope recall of the embedded classifier; targets accuracy ≥ 0.90 on the demo SOP cases and ≥ 0.85 on BANKING77.',
  caseSchema: IntentCaseSchema,
  casesFile: 'eval/intent/cases.jsonl',
  loadPublic: loadPublicIntentSets,
  async prepare(ctx) {
    const classifier: IntentClassifier = buildClassifier(ctx.train);
    return {
      provider: classifier.provider,
      promptVersion: null,
      predict: (c) => classifier.classify(c.text),
    };
  },
  score: scoreIntent,
};

export default suite;
