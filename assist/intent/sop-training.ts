/**
 * @module Training data for a tenant's intent → SOP classifier, built from what the tenant already
 * maintains: the SOP phrasings (full weight), and as weak evidence the SOP names, step titles,
 * agent scripts and resolution texts — they carry each SOP's vocabulary ('发票抬头', 'tracking')
 * that a dozen customer phrasings miss. A built-in background class of greetings and off-topic
 * requests (label 'none') sends chit-chat to triage.
 */
import type { Sop, SopPhrasing, SopStep } from '#src/db/schema/sops.ts';
import type { SeedSop } from '#src/db/seed/types.ts';
import { BACKGROUND_EN, BACKGROUND_ZH } from './background.ts';
import {
  EmbeddedIntentClassifier,
  type EmbeddedIntentOptions,
  type IntentExample,
  NONE_LABEL,
} from './classifier.ts';

/** One SOP's texts, whatever they were loaded from. */
export interface SopTexts {
  key: string;
  phrasings: string[];
  /** Names, step titles, scripts, resolution: weak evidence. */
  context: string[];
}

export interface SopExampleOptions {
  /** Include SOP names, steps and resolution texts as weak examples. Default true. */
  sopContext?: boolean;
  /** Weight of a weak example relative to a phrasing. Default 0.5. */
  contextWeight?: number;
  /** Add the built-in background ('none') class. Default true. */
  background?: boolean;
  /**
   * Weight of a background example. Default: the whole background class weighs as much as the
   * average SOP's phrasings, so it is one more class rather than a prior that swamps small SOPs.
   */
  backgroundWeight?: number;
}

/** Labelled examples for {@link EmbeddedIntentClassifier.train}. */
export function sopExamples(sops: readonly SopTexts[], options: SopExampleOptions = {}): IntentExample[] {
  const contextWeight = options.contextWeight ?? 0.5;
  const out: IntentExample[] = [];
  for (const sop of sops) {
    for (const text of sop.phrasings) out.push({ text, label: sop.key });
    if (options.sopContext ?? true) {
      for (const text of sop.context) out.push({ text, label: sop.key, weight: contextWeight });
    }
  }
  if (options.background ?? true) {
    const background = [...BACKGROUND_ZH, ...BACKGROUND_EN];
    const withPhrasings = sops.filter((s) => s.phrasings.length > 0);
    const perSop =
      withPhrasings.reduce((n, s) => n + s.phrasings.length, 0) / Math.max(1, withPhrasings.length);
    const weight = options.backgroundWeight ?? Math.min(1, Math.max(perSop, 1) / background.length);
    for (const text of background) out.push({ text, label: NONE_LABEL, weight });
  }
  return out;
}

/** SOP texts from the seed format (DEMO_SOPS). */
export function sopTextsFromSeed(sops: readonly SeedSop[]): SopTexts[] {
  return sops.map((s) => ({
    key: s.key,
    phrasings: [...s.phrasings.zh, ...s.phrasings.en],
    context: [
      s.nameZh,
      s.nameEn,
      s.resolutionZh,
      s.resolutionEn,
      ...s.steps.flatMap((st) => [st.titleZh, st.titleEn, st.scriptZh, st.scriptEn]),
    ],
  }));
}

/** SOP texts from stored rows (sops, sop_steps, sop_phrasings of one tenant), labelled by SOP key. */
export function sopTextsFromRows(rows: {
  sops: readonly Pick<Sop, 'id' | 'key' | 'nameZh' | 'nameEn' | 'resolutionZh' | 'resolutionEn'>[];
  steps?: readonly Pick<SopStep, 'sopId' | 'titleZh' | 'titleEn' | 'scriptZh' | 'scriptEn'>[];
  phrasings: readonly Pick<SopPhrasing, 'sopId' | 'text'>[];
}): SopTexts[] {
  const byId = new Map(
    rows.sops.map((s) => [
      s.id,
      {
        key: s.key,
        phrasings: [] as string[],
        context: [s.nameZh, s.nameEn, s.resolutionZh, s.resolutionEn],
      },
    ]),
  );
  for (const p of rows.phrasings) byId.get(p.sopId)?.phrasings.push(p.text);
  for (const st of rows.steps ?? [])
    byId.get(st.sopId)?.context.push(st.titleZh, st.titleEn, st.scriptZh, st.scriptEn);
  return [...byId.values()];
}

/** Train a tenant's SOP classifier from its SOP texts. */
export function trainSopClassifier(
  sops: readonly SopTexts[],
  options: SopExampleOptions & EmbeddedIntentOptions = {},
): EmbeddedIntentClassifier {
  return EmbeddedIntentClassifier.train(sopExamples(sops, options), options);
}
