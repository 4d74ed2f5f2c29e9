/**
 * @module One co-pilot per tenant, built once and kept current. Every use reads a fingerprint of
 * what the co-pilot was built from (one small aggregate query), so an edit made by another process
 * or another feature — a knowledge article, an SOP, a golden reply, the style guide, the active
 * rule pack — is seen on the next suggestion without anyone having to call us. New or edited
 * articles and golden replies are applied in place (the knowledge index is expensive to rebuild
 * on a 10,000-article base); anything else rebuilds.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { knowledgeArticles } from '#src/db/schema/knowledge.ts';
import {
  type LoadDeps,
  loadArticles,
  loadGolden,
  loadTenantCopilot,
  type TenantCopilot,
} from './tenant-copilot.ts';

/** The change cannot be applied in place: build the tenant's co-pilot again. */
class Rebuild extends Error {}

interface Fingerprint {
  /** `count:max(updated_at)` of the knowledge articles. */
  kb: string;
  kbMax: number;
  /** SOPs, steps, style guide and rule pack: any change rebuilds. */
  rest: string;
  golden: string;
}

interface Entry {
  fingerprint: Fingerprint;
  copilot: Promise<TenantCopilot>;
}

export interface CopilotCache {
  /** The tenant's co-pilot, current with the database. */
  get(tenantId: string): Promise<TenantCopilot>;
  /** Forget a tenant (the next `get` rebuilds). */
  invalidate(tenantId: string): void;
}

async function fingerprintOf(db: Db, tenantId: string): Promise<Fingerprint> {
  const [row] = await db.all<{
    kbCount: number;
    kbMax: number;
    sopCount: number;
    sopVersions: number;
    stepCount: number;
    goldenCount: number;
    goldenMax: number;
    styleAt: number;
    packVersion: number;
  }>(sql`select
      (select count(*) from knowledge_articles where tenant_id = ${tenantId}) as kbCount,
      (select coalesce(max(updated_at), 0) from knowledge_articles where tenant_id = ${tenantId}) as kbMax,
      (select count(*) from sops where tenant_id = ${tenantId}) as sopCount,
      (select coalesce(sum(version), 0) from sops where tenant_id = ${tenantId}) as sopVersions,
      (select count(*) from sop_steps where tenant_id = ${tenantId}) as stepCount,
      (select count(*) from copilot_golden_replies where tenant_id = ${tenantId}) as goldenCount,
      (select coalesce(max(created_at), 0) from copilot_golden_replies where tenant_id = ${tenantId}) as goldenMax,
      (select coalesce(max(updated_at), 0) from copilot_style_guides where tenant_id = ${tenantId}) as styleAt,
      (select coalesce(max(version), 0) from compliance_rule_packs where tenant_id = ${tenantId} and active = 1) as packVersion`);
  const r = row!;
  return {
    kb: `${r.kbCount}:${r.kbMax}`,
    kbMax: Number(r.kbMax),
    rest: `${r.sopCount}:${r.sopVersions}:${r.stepCount}:${r.styleAt}:${r.packVersion}`,
    golden: `${r.goldenCount}:${r.goldenMax}`,
  };
}

/** Applies new or edited articles in place; false when that cannot explain the change (a delete). */
async function refreshKnowledge(db: Db, t: TenantCopilot, since: number, expectedCount: number) {
  const rows = await db
    .select({ id: knowledgeArticles.id })
    .from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.tenantId, t.tenantId), gt(knowledgeArticles.updatedAt, since)));
  const newIds = rows.filter((r) => !t.articles.has(r.id)).length;
  if (t.articles.size + newIds !== expectedCount) return false;
  const changed = new Set(rows.map((r) => r.id));
  const all = await loadArticles(db, t.tenantId, t.sopKeyById);
  for (const a of all) {
    if (!changed.has(a.id)) continue;
    t.articles.set(a.id, a);
    t.copilot.upsertArticle(a);
  }
  t.knowledgeChanged();
  return true;
}

async function refreshGolden(db: Db, t: TenantCopilot) {
  const now = await loadGolden(db, t.tenantId);
  const ids = new Set(now.map((g) => g.id));
  for (const id of [...t.golden.keys()]) {
    if (ids.has(id)) continue;
    t.copilot.removeGoldenReply(id);
    t.golden.delete(id);
  }
  for (const g of now) {
    if (t.golden.has(g.id)) continue;
    t.copilot.addGoldenReply(g);
    t.golden.set(g.id, g);
  }
}

export function createCopilotCache(deps: LoadDeps): CopilotCache {
  const entries = new Map<string, Entry>();

  async function update(entry: Entry, now: Fingerprint): Promise<TenantCopilot> {
    const t = await entry.copilot;
    const before = entry.fingerprint;
    if (now.kb !== before.kb) {
      const [count] = now.kb.split(':');
      if (!(await refreshKnowledge(deps.db, t, before.kbMax, Number(count)))) throw new Rebuild();
    }
    if (now.golden !== before.golden) await refreshGolden(deps.db, t);
    entry.fingerprint = now;
    return t;
  }

  return {
    async get(tenantId) {
      const now = await fingerprintOf(deps.db, tenantId);
      const entry = entries.get(tenantId);
      if (entry && entry.fingerprint.rest === now.rest) {
        if (entry.fingerprint.kb === now.kb && entry.fingerprint.golden === now.golden) return entry.copilot;
        try {
          const updated = update(entry, now);
          entry.copilot = updated;
          return await updated;
        } catch (err) {
          entries.delete(tenantId);
          if (!(err instanceof Rebuild)) throw err;
        }
      }
      const copilot = loadTenantCopilot(deps, tenantId);
      entries.set(tenantId, { fingerprint: now, copilot });
      try {
        return await copilot;
      } catch (err) {
        entries.delete(tenantId);
        throw err;
      }
    },
    invalidate(tenantId) {
      entries.delete(tenantId);
    },
  };
}
