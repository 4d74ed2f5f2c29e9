/**
 * @module Writes the demo tenants. Idempotent by design: `seedIfEmpty` only seeds an empty
 * database; `resetAndSeed` wipes every table first (the `seed --reset` command).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import * as t from '#src/db/schema/index.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import { hashPassword } from '#src/services/auth/passwords.ts';
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

/** Deletion order respects foreign keys (children first). */
const TABLES_CHILD_FIRST = [
  t.events,
  t.messages,
  t.conversations,
  t.customers,
  t.knowledgeArticles,
  t.sopPhrasings,
  t.sopSteps,
  t.sops,
  t.certifications,
  t.users,
  t.skills,
  t.tenants,
];

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 100) {
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
  await db
    .insert(t.skills)
    .values(tenant.skills.map((s) => ({ id: skillIds.get(s.key)!, tenantId, ...s, createdAt: now })));

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
    await db
      .insert(t.sopSteps)
      .values(
        sop.steps.map((step, i) => ({ id: ids.next('stp'), tenantId, sopId, position: i + 1, ...step })),
      );
    const phrasings = [
      ...sop.phrasings.zh.map((text) => ({ lang: 'zh' as const, text })),
      ...sop.phrasings.en.map((text) => ({ lang: 'en' as const, text })),
    ];
    await db
      .insert(t.sopPhrasings)
      .values(phrasings.map((p) => ({ id: ids.next('phr'), tenantId, sopId, ...p })));
  }

  await insertChunked(tenant.articles, (chunk) =>
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
      await db.insert(t.certifications).values(
        person.certs.map((c) => ({
          id: ids.next('crt'),
          tenantId,
          userId,
          skillId: skillId(c.skillKey),
          level: c.level,
          source: 'seed' as const,
          certifiedAt: now,
          expiresAt: c.expiresInDays === undefined ? null : now + c.expiresInDays * DAY,
        })),
      );
    }
  }
  return tenantId;
}

export async function seedDemo(deps: SeedDeps, tenants: SeedTenant[] = DEMO_TENANTS): Promise<void> {
  // One KDF run for the shared demo password; every account still verifies through PBKDF2.
  const passwordHash = await hashPassword(deps.password);
  for (const tenant of tenants) await seedTenant(deps, tenant, passwordHash);
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

export async function resetAndSeed(deps: SeedDeps): Promise<void> {
  for (const table of TABLES_CHILD_FIRST) await deps.db.delete(table);
  await seedDemo(deps);
}
