/**
 * @module Candidate CSV import: an RFC 4180 reader (quoted fields, doubled quotes, CRLF, a BOM
 * from spreadsheet exports) and row validation with row-level errors — a bad row is reported
 * with its line number and field and never stops the good rows. Columns by header name:
 * `email` and `name` are required, `group` is optional (the campaign's self-reported field).
 */
import { z } from 'zod';

export interface CsvRowError {
  /** 1-based line number in the file (the header is line 1). */
  row: number;
  field: string | null;
  code: 'missing_column' | 'bad_row' | 'invalid_email' | 'missing_name' | 'duplicate_email' | 'bad_group';
  message: string;
}

export interface CandidateRow {
  row: number;
  email: string;
  name: string;
  group: string | null;
}

/** Parse CSV text into records (no header handling). A quote left open is an error for that record. */
export function parseCsv(text: string): {
  records: { line: number; fields: string[] }[];
  unterminatedAt: number | null;
} {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let sawAny = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      sawAny = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      sawAny = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (sawAny || fields.some((f) => f !== '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      sawAny = false;
      line++;
      recordLine = line;
    } else {
      field += ch;
      sawAny = true;
    }
  }
  if (quoted) return { records, unterminatedAt: recordLine };
  fields.push(field);
  if (sawAny || fields.some((f) => f !== '')) records.push({ line: recordLine, fields });
  return { records, unterminatedAt: null };
}

const Email = z.string().email();

/**
 * Validate candidate rows. `existing` are the campaign's emails already imported (lower-case);
 * `groups` the allowed self-reported values (null: the campaign collects none, column ignored).
 */
export function readCandidateCsv(
  text: string,
  options: { existing?: ReadonlySet<string>; groups?: readonly string[] | null } = {},
): { rows: CandidateRow[]; errors: CsvRowError[] } {
  const { records, unterminatedAt } = parseCsv(text);
  const errors: CsvRowError[] = [];
  const rows: CandidateRow[] = [];
  const header = records[0]?.fields.map((h) => h.trim().toLowerCase()) ?? [];
  const col = (name: string) => header.indexOf(name);
  const missing = ['email', 'name'].filter((c) => col(c) < 0);
  if (records.length === 0 || missing.length > 0) {
    errors.push({
      row: 1,
      field: missing[0] ?? 'email',
      code: 'missing_column',
      message: `The first line must be a header with the columns email and name (missing: ${missing.join(', ') || 'email, name'}).`,
    });
    return { rows, errors };
  }
  const seen = new Map<string, number>();
  const groupCol = col('group');
  for (const { line, fields } of records.slice(1)) {
    if (fields.length !== header.length) {
      errors.push({
        row: line,
        field: null,
        code: 'bad_row',
        message: `Expected ${header.length} fields, found ${fields.length}.`,
      });
      continue;
    }
    const email = (fields[col('email')] ?? '').trim().toLowerCase();
    const name = (fields[col('name')] ?? '').trim();
    const rawGroup = groupCol >= 0 ? (fields[groupCol] ?? '').trim() : '';
    if (!Email.safeParse(email).success) {
      errors.push({
        row: line,
        field: 'email',
        code: 'invalid_email',
        message: email ? `“${email}” is not an email address.` : 'The email is empty.',
      });
      continue;
    }
    if (!name) {
      errors.push({ row: line, field: 'name', code: 'missing_name', message: 'The name is empty.' });
      continue;
    }
    const earlier = seen.get(email);
    if (earlier !== undefined) {
      errors.push({
        row: line,
        field: 'email',
        code: 'duplicate_email',
        message: `${email} already appears on line ${earlier} of this file.`,
      });
      continue;
    }
    if (options.existing?.has(email)) {
      errors.push({
        row: line,
        field: 'email',
        code: 'duplicate_email',
        message: `${email} is already a candidate in this campaign.`,
      });
      continue;
    }
    let group: string | null = null;
    if (rawGroup && options.groups) {
      if (!options.groups.includes(rawGroup)) {
        errors.push({
          row: line,
          field: 'group',
          code: 'bad_group',
          message: `“${rawGroup}” is not one of: ${options.groups.join(', ')}.`,
        });
        continue;
      }
      group = rawGroup;
    }
    seen.set(email, line);
    rows.push({ row: line, email, name, group });
  }
  if (unterminatedAt !== null) {
    errors.push({
      row: unterminatedAt,
      field: null,
      code: 'bad_row',
      message: 'A quoted field is never closed; this line and the rest of the file were not read.',
    });
  }
  return { rows, errors };
}
