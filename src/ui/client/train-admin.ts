/**
 * @module Supervisor island (/train/admin): four tabs — the cohort (time to certification, pass
 * rate per scenario, where trainees struggle), the scenario card editor, the live-test console and
 * the certification rules; each tab lives in lib/train-*.ts.
 */
import type { Strings } from '../i18n.ts';
import { byId } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import { cardsTab } from './lib/train-cards.ts';
import { cohortTab } from './lib/train-cohort.ts';
import { tabs } from './lib/train-kit.ts';
import { liveTab } from './lib/train-live.ts';
import { rulesTab } from './lib/train-rules.ts';

interface PageData {
  lang: 'zh' | 'en';
  me: { id: string; role: string };
  canEdit: boolean;
  strings: Partial<Strings>;
}

const TABS = ['cohort', 'cards', 'live', 'rules'] as const;
const data = readPageData<PageData>();
const t = makeT(data.strings);
const ctx = (name: (typeof TABS)[number]) => ({
  t,
  lang: data.lang,
  canEdit: data.canEdit,
  host: byId(`panel-${name}`),
});
const views = {
  cohort: cohortTab(ctx('cohort')),
  cards: cardsTab(ctx('cards')),
  live: liveTab(ctx('live')),
  rules: rulesTab(ctx('rules')),
};

const loaded = new Set<string>();
tabs(
  TABS,
  (name) => {
    // The cohort is read again each time it is shown; the other tabs keep their state.
    if (name !== 'cohort' && loaded.has(name)) return;
    loaded.add(name);
    void views[name].render();
  },
  'cohort',
);
