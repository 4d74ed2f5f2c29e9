/**
 * @module PII policy per SOP step: which step a conversation is at (the co-pilot's step tracker
 * over the stored, masked messages) and which entity types that step lets the agent reveal; and
 * the admin's edits of a step's list.
 */
import { and, asc, eq } from 'drizzle-orm';
import { trackSteps } from '#assist/copilot/step-tracker.ts';
import type { Message as CopilotMessage } from '#assist/copilot/types.ts';
import { PII_TYPES } from '#src/core/pii/index.ts';
import type { Db } from '#src/db/client.ts';
import { messages } from '#src/db/schema/conversations.ts';
import { type SopStep, sopSteps, sops } from '#src/db/schema/sops.ts';
import { AppError, notFound } from '#src/http/problem.ts';

/** Enough history for any SOP; the tracker reads the whole conversation each time. */
const MAX_MESSAGES = 500;

export interface CurrentStep {
  sopId: string;
  sopKey: string;
  stepKey: string;
  stepId: string;
  allowedTypes: string[];
}

/** The conversation's current SOP step, or null when it follows no SOP (or one without steps). */
export async function currentStep(
  db: Db,
  conv: { id: string; tenantId: string; sopId: string | null },
): Promise<CurrentStep | null> {
  if (!conv.sopId) return null;
  const [sop] = await db
    .select({ id: sops.id, key: sops.key })
    .from(sops)
    .where(and(eq(sops.id, conv.sopId), eq(sops.tenantId, conv.tenantId)));
  if (!sop) return null;
  const [steps, rows] = await Promise.all([
    db.select().from(sopSteps).where(eq(sopSteps.sopId, sop.id)).orderBy(asc(sopSteps.position)),
    db
      .select({ role: messages.authorRole, text: messages.text })
      .from(messages)
      .where(eq(messages.conversationId, conv.id))
      .orderBy(asc(messages.seq))
      .limit(MAX_MESSAGES),
  ]);
  const history: CopilotMessage[] = rows.flatMap((m) =>
    m.role === 'system' ? [] : [{ role: m.role, text: m.text }],
  );
  const tracked = trackSteps({ key: sop.key, steps }, history);
  const step = tracked.step ? steps.find((s) => s.key === tracked.step!.key) : undefined;
  if (!step) return null;
  return { sopId: sop.id, sopKey: sop.key, stepKey: step.key, stepId: step.id, allowedTypes: step.piiTypes };
}

/** Every SOP of the tenant with its steps' PII lists, for the admin's policy table. */
export async function listStepPolicies(db: Db, tenantId: string) {
  const [sopRows, stepRows] = await Promise.all([
    db
      .select({ id: sops.id, key: sops.key, nameZh: sops.nameZh, nameEn: sops.nameEn })
      .from(sops)
      .where(eq(sops.tenantId, tenantId))
      .orderBy(asc(sops.key)),
    db
      .select({
        id: sopSteps.id,
        sopId: sopSteps.sopId,
        key: sopSteps.key,
        position: sopSteps.position,
        titleZh: sopSteps.titleZh,
        titleEn: sopSteps.titleEn,
        piiTypes: sopSteps.piiTypes,
      })
      .from(sopSteps)
      .where(eq(sopSteps.tenantId, tenantId))
      .orderBy(asc(sopSteps.position)),
  ]);
  return sopRows.map((s) => ({ ...s, steps: stepRows.filter((st) => st.sopId === s.id) }));
}

/**
 * Sets the PII types a step may reveal. Types must be built-in or one of the tenant's own
 * pattern types; `known` lists the latter.
 */
export async function setStepPiiTypes(
  db: Db,
  tenantId: string,
  ref: { sopId: string; stepId: string },
  types: readonly string[],
  known: readonly string[],
): Promise<SopStep> {
  const allowed = new Set<string>([...PII_TYPES, ...known]);
  const errors = types.flatMap((type, i) =>
    allowed.has(type)
      ? []
      : [{ path: `body.piiTypes.${i}`, message: `unknown PII type ${type}`, code: 'unknown_type' }],
  );
  if (errors.length) throw new AppError('validation_failed', 'Unknown PII types; see errors[].', errors);
  const [sop] = await db
    .select({ id: sops.id })
    .from(sops)
    .where(and(eq(sops.tenantId, tenantId), eq(sops.id, ref.sopId)));
  if (!sop) throw notFound('SOP');
  const unique = [...new Set(types)];
  const [step] = await db
    .update(sopSteps)
    .set({ piiTypes: unique })
    .where(and(eq(sopSteps.id, ref.stepId), eq(sopSteps.sopId, sop.id), eq(sopSteps.tenantId, tenantId)))
    .returning();
  if (!step) throw notFound('SOP step');
  return step;
}
