/**
 * @module Revealing one masked value. Allowed only when (1) the caller is the conversation's
 * assigned agent, or holds a role the tenant's policy lets step in, and (2) the conversation's
 * current SOP step lists the value's type. Every outcome is written to the audit log: the reveal,
 * each refusal (with why) and a value that would not open. Refusals of another tenant's
 * conversation are 404, as for any read, and audited in the caller's own tenant.
 */
import { and, eq } from 'drizzle-orm';
import type { Principal } from '#src/core/auth/principal.ts';
import type { Db } from '#src/db/client.ts';
import { conversations } from '#src/db/schema/conversations.ts';
import { AppError } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Logger } from '#src/ports/logger.ts';
import type { AuditLog } from '#src/services/audit/audit-log.ts';
import type { VaultKeyring } from './keyring.ts';
import { loadPolicy } from './policy.ts';
import { currentStep } from './step-policy.ts';
import { findVaultRow, openVaultRow, VaultUnreadableError } from './vault.ts';

export const REVEAL_ACTION = 'pii.reveal';
export const REVEAL_DENIED_ACTION = 'pii.reveal.denied';
export const REVEAL_FAILED_ACTION = 'pii.reveal.failed';

export type Denial = 'not_staff' | 'not_found' | 'role' | 'no_sop' | 'step';

export interface RevealRequest {
  conversationId: string;
  entityId: string;
  reason: string;
  ip: string | null;
  userAgent: string | null;
}

export interface Revealed {
  value: string;
  type: string;
  expiresAt: number;
  ttlSeconds: number;
}

export function createRevealer(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  keyring: VaultKeyring;
  audit: AuditLog;
}) {
  const { db, clock, logger, keyring, audit } = deps;

  return async function reveal(p: Principal, req: RevealRequest): Promise<Revealed> {
    const actor =
      p.kind === 'staff' ? { id: p.userId, role: p.role } : { id: p.customerId, role: 'customer' };
    const base = {
      tenantId: p.tenantId,
      actor,
      target: { type: 'pii', id: req.entityId },
      conversationId: req.conversationId,
      reason: req.reason,
      ip: req.ip,
      userAgent: req.userAgent,
    };
    const deny = async (denial: Denial, error: AppError, detail: Record<string, unknown> = {}) => {
      await audit.record({ ...base, action: REVEAL_DENIED_ACTION, detail: { denial, ...detail } });
      return error;
    };

    if (p.kind !== 'staff') {
      throw await deny('not_staff', new AppError('forbidden', 'Only staff may reveal masked values.'));
    }
    const [conv] = await db
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, req.conversationId), eq(conversations.tenantId, p.tenantId)));
    const row = conv
      ? await findVaultRow(db, {
          tenantId: p.tenantId,
          conversationId: conv.id,
          entityId: req.entityId,
        })
      : null;
    if (!conv || !row) {
      throw await deny('not_found', new AppError('not_found', 'No such masked value in this conversation.'));
    }
    const detail = { type: row.type };

    const policy = await loadPolicy(db, p.tenantId);
    const assigned = conv.assigneeId === p.userId && conv.state === 'assigned';
    const oversight = (policy.revealRoles as readonly string[]).includes(p.role);
    if (!assigned && !oversight) {
      throw await deny(
        'role',
        new AppError(
          'forbidden',
          'Only the agent assigned to this conversation (or a role the tenant policy names) may reveal its values.',
          undefined,
          { denial: 'role' },
        ),
        detail,
      );
    }

    const step = await currentStep(db, conv);
    if (!step) {
      throw await deny(
        'no_sop',
        new AppError(
          'forbidden',
          'This conversation follows no SOP, so no step allows revealing personal data.',
          undefined,
          { denial: 'no_sop' },
        ),
        detail,
      );
    }
    const stepDetail = { ...detail, sop: step.sopKey, step: step.stepKey };
    if (!step.allowedTypes.includes(row.type)) {
      throw await deny(
        'step',
        new AppError(
          'forbidden',
          `The current SOP step (${step.stepKey}) does not allow revealing ${row.type}.`,
          undefined,
          { denial: 'step', step: step.stepKey },
        ),
        stepDetail,
      );
    }

    let value: string;
    try {
      value = await openVaultRow(keyring, row);
    } catch (err) {
      if (!(err instanceof VaultUnreadableError)) throw err;
      logger.warn('vault entry could not be opened', {
        tenantId: p.tenantId,
        conversationId: conv.id,
        entityId: row.id,
        keyVersion: row.keyVersion,
        why: err.why,
      });
      await audit.record({ ...base, action: REVEAL_FAILED_ACTION, detail: { ...stepDetail, why: err.why } });
      throw new AppError(
        'vault_unreadable',
        'The stored value could not be decrypted (key version or data damaged); the conversation is unaffected. An administrator has the details in the log.',
      );
    }
    await audit.record({ ...base, action: REVEAL_ACTION, detail: stepDetail });
    const ttlSeconds = policy.revealSeconds;
    return { value, type: row.type, expiresAt: clock.now() + ttlSeconds * 1000, ttlSeconds };
  };
}

export type Revealer = ReturnType<typeof createRevealer>;
