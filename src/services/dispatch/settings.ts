/**
 * @module A tenant's dispatch settings: the pure dispatcher's routing policy (strategy, Δ, floor,
 * overflow skills, offer timeout, SLA risk) plus what the live service needs around it (triage
 * threshold, heartbeat timeout, service-level target, handle time, shrinkage, interval length).
 * Stored as JSON in `dispatch_policies`; a tenant without a row gets the defaults.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type DispatchPolicy, DispatchPolicySchema } from '#src/core/dispatch/types.ts';
import type { Db } from '#src/db/client.ts';
import { dispatchPolicies } from '#src/db/schema/dispatch.ts';

export const DispatchSettingsSchema = DispatchPolicySchema.extend({
  /** Classifier confidence below which a conversation goes to triage (besides label 'none'). */
  triageBelowConfidence: z.number().min(0).max(1).default(0.3),
  /** An agent with no heartbeat for this long goes offline and their work returns to the queue. */
  heartbeatTimeoutSeconds: z.number().int().min(5).max(3600).default(45),
  /** Service level = share answered within this many seconds … */
  serviceLevelSeconds: z.number().int().positive().max(3600).default(20),
  /** … and the share the tenant aims for. */
  serviceLevelTarget: z.number().gt(0).lt(1).default(0.8),
  /** Mean handle time of one chat (under concurrency), for Erlang C. */
  ahtSeconds: z.number().positive().max(86_400).default(300),
  /** Share of paid time not available for chats; scheduled = required ÷ (1 − shrinkage). */
  shrinkage: z.number().min(0).lt(1).default(0.3),
  /** Cap on occupancy when computing required agents. */
  maxOccupancy: z.number().gt(0).max(1).default(0.85),
  /** Staffing interval; a day must hold a whole number of them. */
  intervalMinutes: z
    .number()
    .int()
    .min(5)
    .max(240)
    .refine((m) => 1440 % m === 0, 'must divide a day (1440 minutes)')
    .default(30),
  /** How much history the forecast reads. */
  forecastHistoryDays: z.number().int().min(1).max(90).default(14),
  /** Offer shifts to on-demand agents when the queue or the forecast exceeds capacity. */
  callIn: z.boolean().default(true),
  /** The tenant's local day (service level "today") starts at midnight at this UTC offset. */
  utcOffsetMinutes: z.number().int().min(-720).max(840).default(0),
});
export type DispatchSettings = z.infer<typeof DispatchSettingsSchema>;

/** What PUT accepts: the same fields, unknown keys refused so typos do not pass silently. */
export const DispatchSettingsInputSchema = DispatchSettingsSchema.strict();

export const defaultSettings = (): DispatchSettings => DispatchSettingsSchema.parse({});

export async function loadSettings(db: Db, tenantId: string): Promise<DispatchSettings> {
  const [row] = await db
    .select({ policy: dispatchPolicies.policy })
    .from(dispatchPolicies)
    .where(eq(dispatchPolicies.tenantId, tenantId));
  if (!row) return defaultSettings();
  const parsed = DispatchSettingsSchema.safeParse(row.policy);
  // A row written by an older version may miss new fields: the defaults fill them in.
  return parsed.success ? parsed.data : defaultSettings();
}

export async function saveSettings(
  db: Db,
  tenantId: string,
  settings: DispatchSettings,
  by: string,
  now: number,
): Promise<void> {
  await db
    .insert(dispatchPolicies)
    .values({ tenantId, policy: settings, updatedAt: now, updatedBy: by })
    .onConflictDoUpdate({
      target: dispatchPolicies.tenantId,
      set: { policy: settings, updatedAt: now, updatedBy: by },
    });
}

/** The pure dispatcher's policy, with overflow skills translated from keys to skill ids. */
export function corePolicy(settings: DispatchSettings, skillIdOf: (key: string) => string | undefined) {
  const overflowSkills: Record<string, string[]> = {};
  for (const [from, to] of Object.entries(settings.overflowSkills)) {
    const id = skillIdOf(from);
    if (!id) continue;
    overflowSkills[id] = to.map(skillIdOf).filter((x): x is string => x !== undefined);
  }
  const policy: DispatchPolicy = {
    strategy: settings.strategy,
    widenEverySeconds: settings.widenEverySeconds,
    levelFloor: settings.levelFloor,
    overflowSkills,
    widenToAnyAgent: settings.widenToAnyAgent,
    offerTimeoutSeconds: settings.offerTimeoutSeconds,
    slaRiskSeconds: settings.slaRiskSeconds,
  };
  return policy;
}
