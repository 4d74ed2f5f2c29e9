/**
 * @module Interview events in the tenant's audit log (audit_log, append-only; see
 * src/services/audit): human decisions, consent withdrawals and recording playbacks. Rows are
 * built here and inserted in the same batch as the change they describe, so the log never
 * misses a decision. Only codes and ids go in — never notes, answers or names.
 */
import { auditLog, type NewAuditRow } from '#src/db/schema/pii.ts';
import type { InterviewDeps } from './context.ts';

export type InterviewAuditAction =
  | 'interview.decision'
  | 'interview.consent.withdrawn'
  | 'interview.recording.played';

export function auditInsert(
  deps: InterviewDeps,
  entry: {
    tenantId: string;
    actor: { id: string | null; role: string };
    action: InterviewAuditAction;
    target: { type: string; id: string };
    detail: Record<string, unknown>;
  },
) {
  const row: NewAuditRow = {
    tenantId: entry.tenantId,
    actorId: entry.actor.id,
    actorRole: entry.actor.role,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    detail: entry.detail,
    createdAt: deps.clock.now(),
  };
  return deps.db.insert(auditLog).values(row);
}
