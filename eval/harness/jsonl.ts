/**
 * @module Reads a JSONL case file and validates every row with the suite's zod schema. All bad
 * rows are reported at once with their line numbers, so a QA team can fix their file in one go.
 * Ids must be unique: comparing two runs pairs cases by id.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { EvalRunError } from './errors.ts';

const MAX_REPORTED = 20;

/** Parse JSONL text (blank lines ignored) against `schema`; `label` names the file in errors. */
export function parseJsonl<T>(text: string, schema: z.ZodType<T>, label: string): T[] {
  const out: T[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `${label}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      problems.push(`${where}: not valid JSON (${(err as Error).message})`);
      return;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.length ? issue.path.join('.') : '(row)';
        problems.push(`${where}: ${path}: ${issue.message}`);
      }
      return;
    }
    const id = (parsed.data as { id?: unknown }).id;
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) {
        problems.push(`${where}: id "${id}" repeats line ${first}`);
        return;
      }
      seen.set(id, i + 1);
    }
    out.push(parsed.data);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
    throw new EvalRunError('bad-cases', `Invalid cases in ${label}:\n  ${shown.join('\n  ')}${more}`);
  }
  return out;
}

/** Read and validate a JSONL file. */
export async function readJsonl<T>(file: string, schema: z.ZodType<T>, label = file): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new EvalRunError(
      'bad-cases',
      `Cannot read ${label}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  return parseJsonl(text, schema, label);
}
