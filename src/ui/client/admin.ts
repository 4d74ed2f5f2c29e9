/**
 * @module Admin island: tabs over people (role, certifications), skills, SOPs (select one to see
 * its steps in both languages) and knowledge articles with a search box. Reads the JSON API.
 */
import type { z } from '@hono/zod-openapi';
import type {
  KnowledgeArticleSchema,
  PersonSchema,
  SkillSchema,
  SopSchema,
  SopSummarySchema,
} from '#routes/directory/directory.routes.ts';
import type { MessageKey, Strings } from '../i18n.ts';
import { api } from './lib/api.ts';
import { byId, emptyState, fill, h, icon } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import { dateTime } from './lib/time.ts';

type Person = z.infer<typeof PersonSchema>;
type Skill = z.infer<typeof SkillSchema>;
type SopSummary = z.infer<typeof SopSummarySchema>;
type Sop = z.infer<typeof SopSchema>;
type Article = z.infer<typeof KnowledgeArticleSchema>;

interface PageData {
  lang: 'zh' | 'en';
  strings: Partial<Strings>;
}

// The PII tab's content comes from its own island (admin-pii.ts); this one only switches to it.
const TABS = ['people', 'skills', 'sops', 'knowledge', 'pii'] as const;
type Tab = (typeof TABS)[number];

const data = readPageData<PageData>();
const t = makeT(data.strings);
const zh = data.lang === 'zh';
const panel = (tab: Tab) => byId(`panel-${tab}`);
const setCount = (tab: Tab, n: number) => {
  byId(`count-${tab}`).textContent = `(${n})`;
};
const failure = (err: unknown) =>
  h(
    'div',
    { class: 'alert alert-error', role: 'alert' },
    t('common.error', { reason: (err as Error).message }),
  );

function table(headers: string[], rows: HTMLElement[], testid: string): HTMLElement {
  return h(
    'div',
    { class: 'card' },
    h(
      'table',
      { class: 'data', 'data-testid': testid },
      h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', {}, x)))),
      h('tbody', {}, ...rows),
    ),
  );
}

// ── Tabs ────────────────────────────────────────────────────────────────────────────────────

function show(tab: Tab, focus = false) {
  for (const name of TABS) {
    const button = byId(`tab-${name}`);
    const active = name === tab;
    button.setAttribute('aria-selected', String(active));
    button.tabIndex = active ? 0 : -1;
    panel(name).hidden = !active;
    if (active && focus) button.focus();
  }
  if (location.hash !== `#${tab}`) history.replaceState(null, '', `#${tab}`);
}

for (const [i, name] of TABS.entries()) {
  const button = byId(`tab-${name}`);
  button.addEventListener('click', () => show(name));
  button.addEventListener('keydown', (ev) => {
    const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
    if (step) show(TABS[(i + step + TABS.length) % TABS.length]!, true);
  });
}
const fromHash = location.hash.slice(1);
show((TABS as readonly string[]).includes(fromHash) ? (fromHash as Tab) : 'people');

// ── People and skills ───────────────────────────────────────────────────────────────────────

function renderPeople(people: Person[]) {
  setCount('people', people.length);
  if (people.length === 0) return fill(panel('people'), emptyState('user', null, t('admin.people.empty')));
  const rows = people.map((p) =>
    h(
      'tr',
      { 'data-testid': 'person-row', 'data-role': p.role },
      h('td', {}, p.displayName),
      h('td', {}, h('code', {}, p.email)),
      h('td', {}, h('span', { class: 'badge' }, t(`role.${p.role}` as MessageKey))),
      h('td', {}, t(`admin.pool.${p.pool}` as MessageKey)),
      h('td', { class: 'num' }, p.maxConcurrent),
      h(
        'td',
        {},
        p.certifications.length === 0 ? h('span', { class: 'muted' }, t('admin.people.noCerts')) : null,
        ...p.certifications.map((c) =>
          h(
            'span',
            {
              class: c.expiresAt ? 'chip chip-expiring' : 'chip',
              title: c.expiresAt
                ? t('admin.people.expires', { date: dateTime(c.expiresAt, data.lang) })
                : null,
            },
            h('code', {}, c.skillKey),
            ` · L${c.level}`,
            c.expiresAt ? icon('clock', 'icon icon-inline') : null,
          ),
        ),
      ),
    ),
  );
  fill(
    panel('people'),
    table(
      [
        t('admin.people.name'),
        t('admin.people.email'),
        t('admin.people.role'),
        t('admin.people.pool'),
        t('admin.people.concurrency'),
        t('admin.people.certs'),
      ],
      rows,
      'people-table',
    ),
  );
}

function renderSkills(skills: Skill[], people: Person[]) {
  setCount('skills', skills.length);
  if (skills.length === 0) return fill(panel('skills'), emptyState('star', null, t('admin.skills.empty')));
  const certified = (id: string) =>
    people.filter((p) => p.certifications.some((c) => c.skillId === id)).length;
  const rows = skills.map((s) =>
    h(
      'tr',
      { 'data-testid': 'skill-row' },
      h('td', {}, h('code', {}, s.key)),
      h('td', {}, zh ? s.nameZh : s.nameEn, h('span', { class: 'muted' }, ` · ${zh ? s.nameEn : s.nameZh}`)),
      h('td', { class: 'num' }, certified(s.id)),
    ),
  );
  fill(
    panel('skills'),
    table([t('admin.skills.key'), t('admin.skills.name'), t('admin.skills.certified')], rows, 'skills-table'),
  );
}

// ── SOPs ────────────────────────────────────────────────────────────────────────────────────

const sopDetail = h('div', { class: 'card sop-detail', 'data-testid': 'sop-detail' });

function renderSops(sops: SopSummary[]) {
  setCount('sops', sops.length);
  if (sops.length === 0) return fill(panel('sops'), emptyState('list', null, t('admin.sops.empty')));
  fill(sopDetail, h('p', { class: 'muted' }, t('admin.sops.hint')));
  const rows = sops.map((s) => {
    const row = h(
      'tr',
      { class: 'sop-row', tabindex: 0, 'aria-selected': 'false', 'data-testid': 'sop-row', 'data-id': s.id },
      h('td', {}, h('code', {}, s.key)),
      h('td', {}, zh ? s.nameZh : s.nameEn),
      h('td', {}, h('code', {}, s.skillKey)),
      h('td', { class: 'num' }, s.minLevel),
    );
    const open = () => {
      for (const r of panel('sops').querySelectorAll('.sop-row')) r.setAttribute('aria-selected', 'false');
      row.setAttribute('aria-selected', 'true');
      void openSop(s.id);
    };
    row.addEventListener('click', open);
    row.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        open();
      }
    });
    return row;
  });
  fill(
    panel('sops'),
    h(
      'div',
      { class: 'sop-layout' },
      table(
        [t('admin.sops.key'), t('admin.sops.name'), t('admin.sops.skill'), t('admin.sops.minLevel')],
        rows,
        'sops-table',
      ),
      sopDetail,
    ),
  );
}

function facts(label: string, values: string[]) {
  if (values.length === 0) return null;
  return h('div', {}, `${label}: `, ...values.map((v) => h('span', { class: 'chip' }, h('code', {}, v))));
}

async function openSop(id: string) {
  fill(sopDetail, h('p', { class: 'muted' }, t('common.loading')));
  let sop: Sop;
  try {
    sop = await api<Sop>(`/api/v1/sops/${encodeURIComponent(id)}`);
  } catch (err) {
    return fill(sopDetail, failure(err));
  }
  const both = (zhText: string, enText: string) => [
    h(
      'div',
      { class: 'step-lang', lang: 'zh' },
      h('span', { class: 'tag' }, t('common.langTag.zh')),
      h('span', {}, zhText),
    ),
    h(
      'div',
      { class: 'step-lang', lang: 'en' },
      h('span', { class: 'tag' }, t('common.langTag.en')),
      h('span', {}, enText),
    ),
  ];
  fill(
    sopDetail,
    h('h2', {}, zh ? sop.nameZh : sop.nameEn),
    h(
      'p',
      { class: 'muted small' },
      `${sop.key} · ${t('admin.sops.skill')} ${sop.skillKey} ≥ L${sop.minLevel} · ${t('admin.sops.version')} ${sop.version}`,
    ),
    h('h3', {}, t('admin.sops.resolution')),
    ...both(sop.resolutionZh, sop.resolutionEn),
    h('h3', { class: 'step-heading' }, t('admin.sops.steps')),
    h(
      'ol',
      { class: 'steps', 'data-testid': 'sop-steps' },
      ...sop.steps.map((step) =>
        h(
          'li',
          { class: 'step' },
          h('div', { class: 'step-title' }, `${step.position}. ${zh ? step.titleZh : step.titleEn}`),
          ...both(step.scriptZh, step.scriptEn),
          h(
            'div',
            { class: 'step-facts' },
            facts(t('admin.sops.verify'), step.mustVerify),
            facts(t('admin.sops.disclose'), step.mustDisclose),
            facts(t('admin.sops.pii'), step.piiTypes),
          ),
        ),
      ),
    ),
    sop.phrasings.length
      ? h(
          'div',
          {},
          h('h3', {}, t('admin.sops.phrasings')),
          ...sop.phrasings.map((p) => h('span', { class: 'chip', lang: p.lang }, p.text)),
        )
      : null,
  );
}

// ── Knowledge ───────────────────────────────────────────────────────────────────────────────

const kbInput = h('input', {
  class: 'input',
  type: 'search',
  placeholder: t('admin.kb.search'),
  'aria-label': t('admin.kb.searchLabel'),
  'data-testid': 'kb-search',
});
const kbCount = h('span', { class: 'muted small' });
const kbList = h('div', { class: 'kb-list', 'data-testid': 'kb-list' });
let kbRequest: AbortController | null = null;

async function searchKnowledge(q: string) {
  kbRequest?.abort();
  const request = new AbortController();
  kbRequest = request;
  let articles: Article[];
  try {
    const query = new URLSearchParams({ limit: '100', ...(q ? { q } : {}) });
    articles = (await api<{ items: Article[] }>(`/api/v1/knowledge?${query}`, { signal: request.signal }))
      .items;
  } catch (err) {
    if ((err as Error).name !== 'AbortError') fill(kbList, failure(err));
    return;
  }
  if (!q) setCount('knowledge', articles.length);
  kbCount.textContent = t('admin.kb.count', { n: articles.length });
  if (articles.length === 0) {
    return fill(kbList, emptyState('search', null, q ? t('admin.kb.noMatch', { q }) : t('admin.kb.empty')));
  }
  fill(
    kbList,
    ...articles.map((a) =>
      h(
        'article',
        { class: 'card kb-item', lang: a.lang, 'data-testid': 'kb-article' },
        h(
          'h3',
          {},
          a.title,
          h('span', { class: 'badge' }, t(a.lang === 'zh' ? 'common.langTag.zh' : 'common.langTag.en')),
        ),
        h('p', {}, a.body.length > 280 ? `${a.body.slice(0, 279)}…` : a.body),
        a.tags.length ? h('div', {}, ...a.tags.map((tag) => h('span', { class: 'chip' }, tag))) : null,
      ),
    ),
  );
}

let kbTimer: ReturnType<typeof setTimeout> | undefined;
kbInput.addEventListener('input', () => {
  clearTimeout(kbTimer);
  kbTimer = setTimeout(() => void searchKnowledge(kbInput.value.trim()), 200);
});
fill(panel('knowledge'), h('div', { class: 'kb-search' }, kbInput, kbCount), kbList);

// ── Load ────────────────────────────────────────────────────────────────────────────────────

async function load() {
  const [people, skills, sops] = await Promise.allSettled([
    api<{ items: Person[] }>('/api/v1/people'),
    api<{ items: Skill[] }>('/api/v1/skills'),
    api<{ items: SopSummary[] }>('/api/v1/sops'),
  ]);
  const everyone = people.status === 'fulfilled' ? people.value.items : [];
  if (people.status === 'fulfilled') renderPeople(everyone);
  else fill(panel('people'), failure(people.reason));
  if (skills.status === 'fulfilled') renderSkills(skills.value.items, everyone);
  else fill(panel('skills'), failure(skills.reason));
  if (sops.status === 'fulfilled') renderSops(sops.value.items);
  else fill(panel('sops'), failure(sops.reason));
}

void load();
void searchKnowledge('');
