/**
 * @module Writes the demo tenants. Idempotent by design: `seedIfEmpty` only seeds an empty
 * database; `resetAndSeed` wipes every table first (the `seed --reset` command).
 */
import { getTableColumns, sql, type Table } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import * as t from '#src/db/schema/index.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import { hashPassword } from '#src/services/auth/passwords.ts';
import { seedDemoTraining } from './demo-training.ts';
import { DEMO_TENANTS } from './tenants.ts';
import type { SeedTenant } from './types.ts';

export interface SeedDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  /** One password for every demo account. */
  password: string;
}

const DAY = 86_400_000;

/** Cloudflare D1 binds at most 100 parameters per statement (libSQL allows far more). */
const MAX_BOUND_PARAMS = 100;

/** Multi-row insert in chunks that bind at most one parameter per column per row, within D1's limit. */
async function insertChunked<T>(rows: T[], table: Table, insert: (chunk: T[]) => Promise<unknown>) {
  const size = Math.max(1, Math.floor(MAX_BOUND_PARAMS / Object.keys(getTableColumns(table)).length));
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedTenant(deps: SeedDeps, tenant: SeedTenant, passwordHash: string): Promise<string> {
  const { db, clock, ids } = deps;
  const now = clock.now();
  const tenantId = ids.next('ten');
  await db.insert(t.tenants).values({
    id: tenantId,
    slug: tenant.slug,
    name: tenant.name,
    defaultLocale: tenant.defaultLocale,
    createdAt: now,
  });

  const skillIds = new Map<string, string>();
  for (const s of tenant.skills) skillIds.set(s.key, ids.next('skl'));
  await insertChunked(
    tenant.skills.map((s) => ({ id: skillIds.get(s.key)!, tenantId, ...s, createdAt: now })),
    t.skills,
    (chunk) => db.insert(t.skills).values(chunk),
  );

  const skillId = (key: string) => {
    const id = skillIds.get(key);
    if (!id) throw new Error(`seed: unknown skill ${key} in tenant ${tenant.slug}`);
    return id;
  };

  const sopIds = new Map<string, string>();
  for (const sop of tenant.sops) {
    const sopId = ids.next('sop');
    sopIds.set(sop.key, sopId);
    await db.insert(t.sops).values({
      id: sopId,
      tenantId,
      key: sop.key,
      nameZh: sop.nameZh,
      nameEn: sop.nameEn,
      skillId: skillId(sop.skillKey),
      minLevel: sop.minLevel,
      resolutionZh: sop.resolutionZh,
      resolutionEn: sop.resolutionEn,
      createdAt: now,
    });
    await insertChunked(
      sop.steps.map((step, i) => ({ id: ids.next('stp'), tenantId, sopId, position: i + 1, ...step })),
      t.sopSteps,
      (chunk) => db.insert(t.sopSteps).values(chunk),
    );
    const phrasings = [
      ...sop.phrasings.zh.map((text) => ({ lang: 'zh' as const, text })),
      ...sop.phrasings.en.map((text) => ({ lang: 'en' as const, text })),
    ];
    await insertChunked(
      phrasings.map((p) => ({ id: ids.next('phr'), tenantId, sopId, ...p })),
      t.sopPhrasings,
      (chunk) => db.insert(t.sopPhrasings).values(chunk),
    );
  }

  await insertChunked(tenant.articles, t.knowledgeArticles, (chunk) =>
    db.insert(t.knowledgeArticles).values(
      chunk.map((a) => ({
        id: ids.next('kb'),
        tenantId,
        lang: a.lang,
        title: a.title,
        body: a.body,
        tags: a.tags,
        sopId: a.sopKey ? (sopIds.get(a.sopKey) ?? null) : null,
        updatedAt: now,
      })),
    ),
  );

  for (const person of tenant.people) {
    const userId = ids.next('usr');
    await db.insert(t.users).values({
      id: userId,
      tenantId,
      email: person.email,
      displayName: person.displayName,
      role: person.role,
      passwordHash,
      locale: person.locale,
      maxConcurrent: person.maxConcurrent ?? 3,
      pool: person.pool ?? 'staff',
      createdAt: now,
    });
    if (person.certs.length) {
      const certs = person.certs.map((c) => ({
        id: ids.next('crt'),
        tenantId,
        userId,
        skillId: skillId(c.skillKey),
        level: c.level,
        source: 'seed' as const,
        certifiedAt: now,
        expiresAt: c.expiresInDays === undefined ? null : now + c.expiresInDays * DAY,
      }));
      await insertChunked(certs, t.certifications, (chunk) => db.insert(t.certifications).values(chunk));
    }
  }
  return tenantId;
}

export async function seedDemo(deps: SeedDeps, tenants: SeedTenant[] = DEMO_TENANTS): Promise<void> {
  // One KDF run for the shared demo password; every account still verifies through PBKDF2.
  const passwordHash = await hashPassword(deps.password);
  for (const tenant of tenants) await seedTenant(deps, tenant, passwordHash);
  await seedDemoTraining(deps);
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(t.tenants);
  return (row?.n ?? 0) === 0;
}

/** Seeds only a database that has no tenant yet; returns whether it seeded. */
export async function seedIfEmpty(deps: SeedDeps): Promise<boolean> {
  if (!(await isEmpty(deps.db))) return false;
  await seedDemo(deps);
  return true;
}

/**
 * Every application table, children before parents: the order comes from the foreign keys SQLite
 * reports, so tables added by later features are wiped too without a list to keep up to date.
 */
async function tablesChildFirst(db: Db): Promise<string[]> {
  const all = await db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table'`);
  // Skip SQLite's, drizzle's (__drizzle_migrations) and D1's (_cf_*, d1_*) own tables.
  const rows = all.filter(({ name }) => !/^(sqlite_|_|d1_)/.test(name));
  const parents = new Map<string, string[]>();
  for (const { name } of rows) {
    const fks = await db.all<{ table: string }>(
      sql.raw(`select "table" from pragma_foreign_key_list('${name.replace(/'/g, "''")}')`),
    );
    parents.set(
      name,
      fks.map((f) => f.table).filter((p) => p !== name),
    );
  }
  const order: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (order.includes(name) || path.has(name)) return;
    path.add(name);
    for (const [child, ps] of parents) if (ps.includes(name)) visit(child, path);
    path.delete(name);
    order.push(name);
  };
  for (const name of parents.keys()) visit(name, new Set());
  return order;
}

export async function resetAndSeed(deps: SeedDeps): Promise<void> {
  for (const name of await tablesChildFirst(deps.db)) await deps.db.run(sql.raw(`delete from "${name}"`));
  await seedDemo(deps);
}
