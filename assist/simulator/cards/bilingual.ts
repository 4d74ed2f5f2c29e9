/**
 * @module Authoring helper: one bilingual scenario definition → a Chinese and an English card
 * (`<id>-zh`, `<id>-en`) that share keys, steps and criteria. Cue phrases are written once in
 * both languages (the matcher reads both), texts per language.
 */
import type { ScenarioCardInput, Temperament } from '../card.ts';

type Bi = { zh: string; en: string };

export interface BilingualScenario {
  id: string;
  sop: string;
  skill: string;
  difficulty: number;
  /** One temperament, or one per language for variety. */
  temperament: Temperament | { zh: Temperament; en: Temperament };
  name: Bi;
  title: Bi;
  goal: Bi;
  known: { key: string; zh: string; en: string; triggers?: string[] }[];
  hidden: { key: string; zh: string; en: string; revealWhen: string[] }[];
  mustNotAccept: { kind: ScenarioCardInput['mustNotAccept'][number]['kind']; keywords: string[]; why: Bi }[];
  success: {
    stepsCovered: string[];
    disclosures: string[];
    reveal?: string[];
    outcome: { kind: 'resolve' | 'decline' | 'escalate'; description: Bi; cues: string[][] };
  };
  tags?: string[];
}

/** The two cards of a scenario. */
export function bilingual(s: BilingualScenario): [ScenarioCardInput, ScenarioCardInput] {
  const card = (lang: 'zh' | 'en'): ScenarioCardInput => ({
    id: `${s.id}-${lang}`,
    version: 1,
    title: s.title[lang],
    sop: s.sop,
    skill: s.skill,
    lang,
    persona: {
      temperament: typeof s.temperament === 'string' ? s.temperament : s.temperament[lang],
      name: s.name[lang],
    },
    goal: s.goal[lang],
    knownFacts: s.known.map((f) => ({
      key: f.key,
      text: f[lang],
      ...(f.triggers ? { triggers: f.triggers } : {}),
    })),
    hiddenFacts: s.hidden.map((f) => ({ key: f.key, text: f[lang], revealWhen: f.revealWhen })),
    mustNotAccept: s.mustNotAccept.map((m) => ({ kind: m.kind, keywords: m.keywords, why: m.why[lang] })),
    success: {
      stepsCovered: s.success.stepsCovered,
      disclosures: s.success.disclosures,
      reveal: s.success.reveal ?? [],
      outcome: {
        kind: s.success.outcome.kind,
        description: s.success.outcome.description[lang],
        cues: s.success.outcome.cues,
      },
    },
    difficulty: s.difficulty,
    tags: s.tags ?? [],
  });
  return [card('zh'), card('en')];
}
