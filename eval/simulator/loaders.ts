/**
 * @module Reads τ²-bench airline, retail and telecom tasks from the public datasets folder
 * (TIDEDESK_DATASETS, default ../shared/data from the repository root) and maps them to English
 * scenario cards with assist/simulator/cards/tau2-import.ts. The dataset text stays in that folder;
 * nothing is copied into the repository. τ²-bench, Copyright (c) 2025 Sierra Research, MIT.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScenarioCard } from '#assist/simulator/card.ts';
import {
  importTau2,
  TAU2_DOMAINS,
  type Tau2Domain,
  type Tau2Task,
} from '#assist/simulator/cards/tau2-import.ts';
import { loadEnv } from '#src/config/env.ts';
import { datasetsSetting } from '../harness/datasets.ts';

const TASK_FILES: Record<Tau2Domain, string> = {
  airline: 'tau2-bench/domains/airline/tasks.json',
  retail: 'tau2-bench/domains/retail/tasks.json',
  telecom: 'tau2-bench/domains/telecom/tasks_small.json',
};

export interface Tau2Catalogue {
  cards: ScenarioCard[];
  byId: Map<string, ScenarioCard>;
  skipped: { id: string; reason: string }[];
  /** Domains whose task file was missing. */
  missing: Tau2Domain[];
}

/** The datasets folder from the environment (loadEnv), for callers without a harness context. */
export function defaultDatasetsDir(): string {
  return datasetsSetting(loadEnv().TIDEDESK_DATASETS).dir;
}

/** Read the three domains' tasks from `datasetsDir` and map them to cards. */
export async function loadTau2Cards(datasetsDir: string): Promise<Tau2Catalogue> {
  const cards: ScenarioCard[] = [];
  const skipped: Tau2Catalogue['skipped'] = [];
  const missing: Tau2Domain[] = [];
  for (const domain of TAU2_DOMAINS) {
    let tasks: Tau2Task[];
    try {
      tasks = JSON.parse(await readFile(join(datasetsDir, TASK_FILES[domain]), 'utf8')) as Tau2Task[];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        missing.push(domain);
        continue;
      }
      throw err;
    }
    const imported = importTau2(domain, tasks);
    cards.push(...imported.cards);
    skipped.push(...imported.skipped.map((s) => ({ id: `tau2:${domain}:${s.id}`, reason: s.reason })));
  }
  return { cards, byId: new Map(cards.map((c) => [c.id, c])), skipped, missing };
}
