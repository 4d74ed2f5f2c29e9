/**
 * @module CSV for audit exports: RFC 4180 quoting, and cells that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR at the start) prefixed with an apostrophe.
 */
import type { AuditItem } from '#src/services/audit/audit-log.ts';

export const AUDIT_CSV_COLUMNS = [
  'id',
  'created_at',
  'action',
  'actor_id',
  'actor_email',
  'actor_role',
  'target_type',
  'target_id',
  'conversation_id',
  'reason',
  'ip',
  'user_agent',
  'detail',
] as const;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function auditCsvRow(e: AuditItem): string {
  return csvRow([
    e.id,
    new Date(e.createdAt).toISOString(),
    e.action,
    e.actorId,
    e.actorEmail,
    e.actorRole,
    e.targetType,
    e.targetId,
    e.conversationId,
    e.reason,
    e.ip,
    e.userAgent,
    e.detail,
  ]);
}
