/**
 * @module Copilot cases from τ²-bench (tau2-bench/, MIT; "τ²-bench, Copyright (c) 2025 Sierra
 * Research"). English only; synthetic tasks with no transcripts, so the figures are indicative.
 *
 * Per domain (retail, airline, telecom) the tenant's knowledge is the domain's policy documents
 * split at their headings (one article per section, id `<domain>:<file>#<n>`, title the heading
 * path). The "SOP" is synthetic: one step per action name in the domain's gold action lists,
 * ordered by the median relative position at which the action occurs (so step 1 is what tasks
 * typically do first), no facts, and as script the policy section that governs the action (below).
 * Banking uses the 698 banking documents as knowledge and the same step construction.
 *
 * A case is one task with at least one gold action (tasks without any test refusals, which the
 * compliance suite covers): the customer's only message is `reason_for_call` (banking: the goal
 * sentences of the free-text instructions), second person turned into first ("You want" → "I
 * want"); `expected_step` is the first gold action name; `must_include` is `communicate_info`
 * (facts the agent must state, mostly numbers computed from the database); `gold_sources` is the
 * section governing the first action that changes something (not get_/find_/search_/calculate/
 * log_), or banking's `required_documents`. There is no reference reply.
 *
 * What the figures mean: with no agent turn yet the step tracker stays on step 1, so
 * `stepAccuracy` is the share of tasks whose first action is the domain's typical first action — a
 * property of the synthetic SOP, not a skill. `sourceTop3` is the meaningful one: does a top-3
 * suggestion come from the policy section (or banking document) that governs the task?
 * `mustIncludeCoverage` is expected near zero: the embedded engine has no database to compute
 * order totals from.
 *
 * Section for an action: the section scoring highest on 3 × (its text names the tool, e.g.
 * `toggle_wifi_calling`) + 2 × (action words in its heading path) + (share of action words in its
 * text), words stemmed; ties keep every tied section. For telecom this picks the manual's section
 * (it names the tool) over the workflow step that describes the same fix, so telecom's
 * `sourceTop3` undercounts suggestions of the workflow step.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CopilotOptions, CopilotSop, KnowledgeArticle } from '#assist/copilot/index.ts';
import { tokenize } from '#assist/embedded/tokenize.ts';
import type { CaseSet } from '../harness/suite.ts';
import type { CopilotCase } from './case.ts';

export const TAU2_LICENCE = 'MIT — τ²-bench, Copyright (c) 2025 Sierra Research';
export const TAU2_DOMAINS = ['retail', 'airline', 'telecom', 'banking'] as const;
export type Tau2Domain = (typeof TAU2_DOMAINS)[number];

const FILES: Record<Exclude<Tau2Domain, 'banking'>, { tasks: string; policies: string[] }> = {
  retail: { tasks: 'tasks.json', policies: ['policy.md'] },
  airline: { tasks: 'tasks.json', policies: ['policy.md'] },
  telecom: {
    tasks: 'tasks_small.json',
    policies: ['main_policy.md', 'tech_support_manual.md', 'tech_support_workflow.md'],
  },
};
const READ_ONLY = /^(get_|find_|search_|list_|check_|calculate|log_)/;

interface Task {
  id: string;
  user_scenario?: {
    instructions?: string | { reason_for_call?: string | null } | null;
  } | null;
  evaluation_criteria?: {
    actions?: { name: string }[] | null;
    communicate_info?: string[] | null;
  } | null;
  required_documents?: string[];
}

interface Section {
  article: KnowledgeArticle;
  headingWords: Set<string>;
  bodyWords: Set<string>;
  text: string;
}

/** Policy markdown cut at its headings; each section keeps the path of headings above it. */
export function splitSections(markdown: string, idPrefix: string): KnowledgeArticle[] {
  const out: KnowledgeArticle[] = [];
  const path: string[] = [];
  let body: string[] = [];
  const flush = () => {
    const text = body.join('\n').trim();
    if (text !== '' && path.length > 0) {
      out.push({
        id: `${idPrefix}#${out.length + 1}`,
        lang: 'en',
        title: path.filter(Boolean).join(' › '),
        body: text,
      });
    }
    body = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      const level = h[1]!.length;
      path.length = level - 1;
      path[level - 1] = h[2]!.trim();
    } else body.push(line);
  }
  flush();
  return out;
}

const words = (text: string) => new Set(tokenize(text.replace(/_/g, ' ')));

/**
 * Sections scoring at least this share of the best count too. 1 = only ties: wider shares make
 * several of retail's 12 sections gold at once, and chance alone would then hit them.
 */
export const SECTION_SHARE = 1;

/** The sections governing an action (see the module note for the score). */
export function sectionsFor(action: string, sections: readonly Section[]): string[] {
  const actionWords = words(action);
  const scored = sections.map((s) => {
    let score = s.text.includes(action) ? 3 : 0;
    for (const w of actionWords) if (s.headingWords.has(w)) score += 2;
    let inBody = 0;
    for (const w of actionWords) if (s.bodyWords.has(w)) inBody++;
    score += actionWords.size > 0 ? inBody / actionWords.size : 0;
    return { id: s.article.id, score };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best === 0) return [];
  return scored
    .filter((s) => s.score >= SECTION_SHARE * best)
    .sort((a, b) => b.score - a.score)
    .map((s) => s.id);
}

/** "You want to cancel your order" → "I want to cancel my order" (cosmetic; retrieval ignores pronouns). */
export function firstPerson(text: string): string {
  return text
    .replace(
      /\b(to|for|with|help|helps|told|tell|tells|let|allow|allows|give|gave|ask|asked|about|by|send|call|contact|offer|offered) you\b/gi,
      '$1 me',
    )
    .replace(/\b[Yy]ou are\b/g, 'I am')
    .replace(/\b[Yy]ou're\b/g, "I'm")
    .replace(/\bYour\b/g, 'My')
    .replace(/\byour\b/g, 'my')
    .replace(/\byourself\b/g, 'myself')
    .replace(/\b[Yy]ou\b/g, 'I');
}

/** Banking instructions are role-play text; keep the sentences that state the goal. */
export function bankingGoal(instructions: string): string {
  const sentences = instructions
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .filter(
      (s) => !/playing the role|customer service representative|do not|don't|only mention|unless/i.test(s),
    );
  const goal = sentences.filter((s) =>
    /\b(want|looking for|need|would like|calling|trying|interested|wish|hoping)\b/i.test(s),
  );
  return firstPerson((goal.length > 0 ? goal : sentences).slice(0, 3).join(' '));
}

function buildSteps(tasks: readonly Task[], sections: readonly Section[]): CopilotSop['steps'] {
  const positions = new Map<string, number[]>();
  for (const t of tasks) {
    const actions = t.evaluation_criteria?.actions ?? [];
    actions.forEach((a, i) => {
      const list = positions.get(a.name) ?? [];
      list.push(actions.length > 1 ? i / (actions.length - 1) : 0);
      positions.set(a.name, list);
    });
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor((s.length - 1) / 2)]!;
  };
  const byId = new Map(sections.map((s) => [s.article.id, s]));
  return [...positions]
    .map(([name, xs]) => ({ name, at: median(xs), n: xs.length }))
    .sort((a, b) => a.at - b.at || b.n - a.n || a.name.localeCompare(b.name))
    .map(({ name }) => {
      const section = byId.get(sectionsFor(name, sections)[0] ?? '');
      const script = section ? section.article.body.split(/\n\s*\n/)[0]!.trim() : '';
      return {
        key: name,
        titleZh: name.replace(/_/g, ' '),
        titleEn: name.replace(/_/g, ' '),
        scriptZh: '',
        scriptEn: script,
        mustVerify: [],
        mustDisclose: [],
      };
    });
}

function sectionIndex(articles: readonly KnowledgeArticle[]): Section[] {
  return articles.map((article) => ({
    article,
    headingWords: words(article.title),
    bodyWords: words(article.body),
    text: article.body,
  }));
}

export interface Tau2Data {
  cases: CopilotCase[];
  tenant: CopilotOptions;
  /** Tasks left out because they have no gold action. */
  skipped: number;
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** One τ² domain as cases plus the tenant that answers them; null when its files are absent. */
export async function loadTau2(datasetsDir: string, domain: Tau2Domain): Promise<Tau2Data | null> {
  const dir = join(datasetsDir, 'tau2-bench', 'domains', domain === 'banking' ? 'banking_knowledge' : domain);
  let articles: KnowledgeArticle[];
  let tasks: Task[] | null;
  if (domain === 'banking') {
    tasks = await readJson<Task[]>(join(dir, 'tasks.json'));
    const docs = await readFile(join(dir, 'documents.jsonl'), 'utf8').catch(() => null);
    if (!tasks || docs === null) return null;
    articles = docs
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { id: string; title: string; content: string })
      .map((d) => ({ id: d.id, lang: 'en', title: d.title, body: d.content }));
  } else {
    const files = FILES[domain];
    tasks = await readJson<Task[]>(join(dir, files.tasks));
    if (!tasks) return null;
    articles = [];
    for (const f of files.policies) {
      const md = await readFile(join(dir, f), 'utf8').catch(() => null);
      if (md !== null) articles.push(...splitSections(md, `${domain}:${f}`));
    }
  }
  const sections = sectionIndex(articles);
  const sop: CopilotSop = {
    key: `tau2-${domain}`,
    nameEn: `τ² ${domain} (synthetic)`,
    steps: buildSteps(tasks, sections),
  };
  const cases: CopilotCase[] = [];
  let skipped = 0;
  for (const t of tasks) {
    const actions = t.evaluation_criteria?.actions ?? [];
    const instructions = t.user_scenario?.instructions;
    const opening =
      typeof instructions === 'string'
        ? bankingGoal(instructions)
        : firstPerson((instructions?.reason_for_call ?? '').trim());
    if (actions.length === 0 || opening === '') {
      skipped++;
      continue;
    }
    const write = actions.find((a) => !READ_ONLY.test(a.name));
    const gold =
      domain === 'banking' ? (t.required_documents ?? []) : write ? sectionsFor(write.name, sections) : [];
    const info = (t.evaluation_criteria?.communicate_info ?? []).filter((s) => s.trim() !== '');
    cases.push({
      id: `tau2-${domain}-${t.id}`,
      lang: 'en',
      sop: sop.key,
      kb: `tau2-${domain}`,
      history: [{ role: 'customer', text: opening }],
      expected_step: actions[0]!.name,
      ...(info.length > 0 ? { must_include: info } : {}),
      ...(gold.length > 0 ? { gold_sources: gold } : {}),
    });
  }
  return { cases, tenant: { sops: [sop], knowledge: articles }, skipped };
}

export function tau2CaseSet(domain: Tau2Domain, data: Tau2Data): CaseSet<CopilotCase> {
  return { name: `tau2-${domain}`, cases: data.cases, source: 'public', licence: TAU2_LICENCE };
}
