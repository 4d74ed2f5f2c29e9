/**
 * @module A tenant's reveal policy. The assigned agent may always ask (the SOP step still has to
 * allow the type); `revealRoles` lists the oversight roles that may also reveal in conversations
 * they do not hold. `revealSeconds` is how long a revealed value stays on screen.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { piiPolicies } from '#src/db/schema/pii.ts';

export const OVERSIGHT_REVEAL_ROLES = ['supervisor', 'admin'] as const;

export const PiiPolicySchema = z.object({
  revealRoles: z
    .array(z.enum(OVERSIGHT_REVEAL_ROLES))
    .max(OVERSIGHT_REVEAL_ROLES.length)
    .transform((roles) => [...new Set(roles)]),
  /** 1 s (tests) to 10 min; the default keeps a value up for 30 s. */
  revealSeconds: z.number().int().min(1).max(600),
});
export type PiiPolicy = z.infer<typeof PiiPolicySchema>;

/** Least privilege by default: supervisors may step in, admins configure but do not read. */
export const DEFAULT_PII_POLICY: PiiPolicy = { revealRoles: ['supervisor'], revealSeconds: 30 };

export async function loadPolicy(db: Db, tenantId: string): Promise<PiiPolicy> {
  const [row] = await db.select().from(piiPolicies).where(eq(piiPolicies.tenantId, tenantId));
  if (!row) return DEFAULT_PII_POLICY;
  const parsed = PiiPolicySchema.safeParse({
    revealRoles: row.revealRoles,
    revealSeconds: row.revealSeconds,
  });
  return parsed.success ? parsed.data : DEFAULT_PII_POLICY;
}

export async function savePolicy(
  db: Db,
  tenantId: string,
  policy: PiiPolicy,
  by: string,
  now: number,
): Promise<PiiPolicy> {
  await db.run(sql`insert into ${piiPolicies} (tenant_id, reveal_roles, reveal_seconds, updated_at, updated_by)
    values (${tenantId}, ${JSON.stringify(policy.revealRoles)}, ${policy.revealSeconds}, ${now}, ${by})
    on conflict (tenant_id) do update set reveal_roles = excluded.reveal_roles,
      reveal_seconds = excluded.reveal_seconds, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  return policy;
}
