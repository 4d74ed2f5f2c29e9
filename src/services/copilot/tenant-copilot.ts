/**
 * @module A tenant's co-pilot built from the database: its SOPs (sops + sop_steps mapped to the
 * engine's step fields), knowledge articles, promoted golden replies and style guide, plus the
 * compliance checker that vets LLM drafts (the tenant's active rule pack, or the shipped default)
 * and a knowledge index for the agent's search box. Pure loading: caching is cache.ts.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { defaultPack } from '#assist/compliance/default-pack.ts';
import { type ComplianceChecker, createComplianceChecker } from '#assist/compliance/engine.ts';
import type { RulePackInput } from '#assist/compliance/rule-pack.ts';
import type { ComplianceKnowledge } from '#assist/compliance/types.ts';
import {
  type Copilot,
  type CopilotSop,
  createCopilot,
  type GoldenReply,
  type KnowledgeArticle,
  type StyleGuide,
} from '#assist/copilot/index.ts';
import { KnowledgeIndex } from '#assist/copilot/knowledge.ts';
import type { PiiDetector } from '#src/core/pii/index.ts';
import type { Db } from '#src/db/client.ts';
import { complianceRulePacks } from '#src/db/schema/compliance.ts';
import { copilotGoldenReplies } from '#src/db/schema/copilot.ts';
import { knowledgeArticles } from '#src/db/schema/knowledge.ts';
import { skills } from '#src/db/schema/skills.ts';
import { sopSteps, sops } from '#src/db/schema/sops.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import { readStyleGuide } from './style-guide.ts';

export interface TenantCopilot {
  tenantId: string;
  tenantName: string;
  copilot: Copilot;
  style: StyleGuide;
  /** SOPs by key, and SOP keys by row id (conversations store the id). */
  sops: ReadonlyMap<string, CopilotSop>;
  sopKeyById: ReadonlyMap<string, string>;
  articles: Map<string, KnowledgeArticle>;
  golden: Map<string, GoldenReply>;
  /** Built on first use: the search box and LLM grounding read it, plain suggestions never do. */
  knowledge(): KnowledgeIndex;
  /** Built on first use (only LLM drafts are checked here). */
  compliance(): ComplianceChecker;
  /** Drops the lazily built parts after an in-place knowledge change. */
  knowledgeChanged(): void;
}

export interface LoadDeps {
  db: Db;
  detector: PiiDetector;
}

export async function loadSops(db: Db, tenantId: string) {
  const [sopRows, stepRows] = await Promise.all([
    db
      .select({ sop: sops, skillKey: skills.key })
      .from(sops)
      .innerJoin(skills, eq(skills.id, sops.skillId))
      .where(eq(sops.tenantId, tenantId))
      .orderBy(asc(sops.key)),
    db.select().from(sopSteps).where(eq(sopSteps.tenantId, tenantId)).orderBy(asc(sopSteps.position)),
  ]);
  const sopKeyById = new Map(sopRows.map((r) => [r.sop.id, r.sop.key]));
  const steps = new Map<string, typeof stepRows>();
  for (const s of stepRows) steps.set(s.sopId, [...(steps.get(s.sopId) ?? []), s]);
  const list: (CopilotSop & { piiTypes: Map<string, readonly string[]> })[] = sopRows.map((r) => {
    const own = steps.get(r.sop.id) ?? [];
    return {
      key: r.sop.key,
      skillKey: r.skillKey,
      nameZh: r.sop.nameZh,
      nameEn: r.sop.nameEn,
      steps: own.map((s) => ({
        key: s.key,
        titleZh: s.titleZh,
        titleEn: s.titleEn,
        scriptZh: s.scriptZh,
        scriptEn: s.scriptEn,
        mustVerify: s.mustVerify,
        mustDisclose: s.mustDisclose,
      })),
      piiTypes: new Map(own.map((s) => [s.key, s.piiTypes])),
    };
  });
  return { list, sopKeyById };
}

export async function loadArticles(
  db: Db,
  tenantId: string,
  sopKeyById: ReadonlyMap<string, string>,
): Promise<KnowledgeArticle[]> {
  const rows = await db.select().from(knowledgeArticles).where(eq(knowledgeArticles.tenantId, tenantId));
  return rows.map((a) => ({
    id: a.id,
    lang: a.lang,
    title: a.title,
    body: a.body,
    tags: a.tags,
    sopKey: a.sopId ? (sopKeyById.get(a.sopId) ?? null) : null,
  }));
}

export async function loadGolden(db: Db, tenantId: string): Promise<GoldenReply[]> {
  const rows = await db
    .select()
    .from(copilotGoldenReplies)
    .where(eq(copilotGoldenReplies.tenantId, tenantId))
    .orderBy(asc(copilotGoldenReplies.createdAt));
  return rows.map((g) => ({
    id: g.id,
    sop: g.sopKey,
    step: g.stepKey,
    lang: g.lang,
    text: g.text,
    ...(g.context ? { context: g.context } : {}),
  }));
}

async function activePack(db: Db, tenantId: string) {
  const [row] = await db
    .select({ pack: complianceRulePacks.pack })
    .from(complianceRulePacks)
    .where(and(eq(complianceRulePacks.tenantId, tenantId), eq(complianceRulePacks.active, true)))
    .orderBy(desc(complianceRulePacks.version))
    .limit(1);
  return row?.pack ?? null;
}

/** Loads everything the tenant's co-pilot needs and builds it. */
export async function loadTenantCopilot(deps: LoadDeps, tenantId: string): Promise<TenantCopilot> {
  const { db } = deps;
  const [tenantRow] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  const { list, sopKeyById } = await loadSops(db, tenantId);
  const [articleList, goldenList, style, pack] = await Promise.all([
    loadArticles(db, tenantId, sopKeyById),
    loadGolden(db, tenantId),
    readStyleGuide(db, tenantId),
    activePack(db, tenantId),
  ]);
  const copilot = createCopilot({
    sops: list,
    knowledge: articleList,
    goldenReplies: goldenList,
    styleGuide: style.guide,
  });
  const articles = new Map(articleList.map((a) => [a.id, a]));
  let index: KnowledgeIndex | null = null;
  let checker: ComplianceChecker | null = null;

  const complianceKnowledge = (): ComplianceKnowledge => ({
    articles: [...articles.values()].map((a) => ({ lang: a.lang ?? 'zh', title: a.title, body: a.body })),
    sops: list.map((s) => ({
      key: s.key,
      steps: s.steps.map((st) => ({
        key: st.key,
        mustDisclose: st.mustDisclose,
        piiTypes: s.piiTypes.get(st.key) ?? [],
        scriptZh: st.scriptZh,
        scriptEn: st.scriptEn,
      })),
    })),
  });

  return {
    tenantId,
    tenantName: tenantRow?.name ?? tenantId,
    copilot,
    style: style.guide,
    sops: new Map(list.map((s) => [s.key, s])),
    sopKeyById,
    articles,
    golden: new Map(goldenList.map((g) => [g.id, g])),
    knowledge() {
      index ??= new KnowledgeIndex([...articles.values()]);
      return index;
    },
    compliance() {
      if (!checker) {
        const knowledge = complianceKnowledge();
        try {
          checker = createComplianceChecker((pack ?? defaultPack()) as RulePackInput, {
            detector: deps.detector,
            knowledge,
          });
        } catch {
          // A stored pack that no longer validates must not silence the check: use the default.
          checker = createComplianceChecker(defaultPack(), { detector: deps.detector, knowledge });
        }
      }
      return checker;
    },
    knowledgeChanged() {
      index = null;
      checker = null;
    },
  };
}
