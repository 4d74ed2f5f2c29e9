/**
 * @module The SOPs a scenario card can train, as the simulator needs them: ordered steps with the
 * facts each step verifies or discloses and its scripts (used to check a card is not forbidding
 * what the SOP asks for). Built from the demo seed here; the later /train slice builds the same
 * shape from the tenant's `sops`/`sop_steps` rows, and τ²-bench cards bring their own
 * (cards/tau2-import.ts).
 */
import { DEMO_SOPS } from '#src/db/seed/demo-sops.ts';
import type { SeedSop } from '#src/db/seed/types.ts';

export type Lang = 'zh' | 'en';

export interface SimStep {
  key: string;
  title: { zh: string; en: string };
  /** Facts the agent checks with the customer (or in the system) at this step. */
  mustVerify: readonly string[];
  /** Facts the agent must tell the customer at this step. */
  mustDisclose: readonly string[];
  /** The model phrasing, when the SOP has one. */
  script?: { zh?: string; en?: string };
}

export interface SimSop {
  key: string;
  skill: string;
  name: { zh: string; en: string };
  steps: readonly SimStep[];
}

/** SOPs by key. */
export type SopCatalogue = ReadonlyMap<string, SimSop>;

/** Project a seeded (or stored) SOP onto the simulator's shape. */
export function sopFromSeed(sop: SeedSop): SimSop {
  return {
    key: sop.key,
    skill: sop.skillKey,
    name: { zh: sop.nameZh, en: sop.nameEn },
    steps: sop.steps.map((s) => ({
      key: s.key,
      title: { zh: s.titleZh, en: s.titleEn },
      mustVerify: s.mustVerify,
      mustDisclose: s.mustDisclose,
      script: { zh: s.scriptZh, en: s.scriptEn },
    })),
  };
}

/** A catalogue from a list of SOPs (later keys win). */
export function catalogue(sops: Iterable<SimSop>): SopCatalogue {
  return new Map([...sops].map((s) => [s.key, s]));
}

/** The demo tenant's twelve SOPs. */
export const DEMO_SIM_SOPS: readonly SimSop[] = DEMO_SOPS.map(sopFromSeed);

/** Every fact key some step of `sop` discloses. */
export function disclosableFacts(sop: SimSop): Set<string> {
  return new Set(sop.steps.flatMap((s) => s.mustDisclose));
}

/** Every fact key some step of `sop` verifies. */
export function verifiableFacts(sop: SimSop): Set<string> {
  return new Set(sop.steps.flatMap((s) => s.mustVerify));
}
