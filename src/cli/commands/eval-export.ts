/**
 * @module `tidedesk eval export [--suite NAME] [--tenant demo] [--out DIR] [--json]`: the golden
 * cases a tenant recorded in the QA workspace (newest version of each), written as one JSONL file
 * per suite in that suite's case schema — so `tidedesk eval --suite X --cases DIR/X.jsonl` runs
 * them. Each case is checked against the suite's current schema again on the way out; one that no
 * longer fits is reported and left out (exit 1), never written half-valid. The text in exported
 * cases is what the workspace stored: conversation messages are masked before they are stored.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { loadEnv } from '#src/config/env.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import { openMigratedDb } from '#src/runtime/libsql.ts';
import { goldenCasesForExport } from '#src/services/qa/golden-cases.ts';
import { EvalRunError } from '../../../eval/harness/errors.ts';
import { isSuiteName, requireSuite } from '../../../eval/harness/registry.ts';
import { SUITE_NAMES, type SuiteName } from '../../../eval/harness/suite.ts';
import type { Output } from '../output.ts';
import type { EvalFlags } from './eval.ts';

export const DEFAULT_EXPORT_TENANT = 'demo';
/** Relative to the working directory; one folder per tenant. */
export const DEFAULT_EXPORT_DIR = 'golden-export';

/** A file: URL whose file is missing would be created empty by the client; say so instead. */
function missingDatabaseFile(url: string): string | null {
  if (!url.startsWith('file:') || url.includes(':memory:')) return null;
  const path = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
  return existsSync(resolve(path)) ? null : resolve(path);
}

export async function exportCommand(out: Output, flags: EvalFlags): Promise<number> {
  if (flags.suite && !isSuiteName(flags.suite)) {
    throw new EvalRunError(
      'unknown-suite',
      `Unknown suite "${flags.suite}". Suites: ${SUITE_NAMES.join(', ')}.`,
    );
  }
  const slug = flags.tenant ?? DEFAULT_EXPORT_TENANT;
  const outDir = resolve(flags.out ?? join(DEFAULT_EXPORT_DIR, slug));
  const env = loadEnv();
  const missing = missingDatabaseFile(env.DATABASE_URL);
  if (missing) {
    throw new EvalRunError(
      'usage',
      `No database at ${missing} (DATABASE_URL=${env.DATABASE_URL}). Point DATABASE_URL at the database the QA workspace uses.`,
    );
  }
  const { db, client } = await openMigratedDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
    if (!tenant) throw new EvalRunError('usage', `No tenant "${slug}" in ${env.DATABASE_URL}.`);
    const wanted = flags.suite ? [flags.suite as SuiteName] : undefined;
    const bySuite = await goldenCasesForExport(db, tenant.id, wanted);

    const exported: Record<string, number> = {};
    const files: string[] = [];
    const skipped: { suite: string; id: string; reason: string }[] = [];
    for (const suiteName of SUITE_NAMES) {
      const cases = bySuite.get(suiteName);
      if (!cases?.length) continue;
      const suite = await requireSuite(suiteName);
      const lines: string[] = [];
      for (const c of cases) {
        const parsed = suite.caseSchema.safeParse(c);
        if (parsed.success) lines.push(JSON.stringify(c));
        else {
          const reason = parsed.error.issues
            .map((i) => `${i.path.join('.') || '(case)'}: ${i.message}`)
            .join('; ');
          skipped.push({ suite: suiteName, id: String(c.id), reason });
          out.say(`skipped ${suiteName}/${String(c.id)}: no longer matches the case schema (${reason})`);
        }
      }
      if (lines.length === 0) continue;
      await mkdir(outDir, { recursive: true });
      const file = join(outDir, `${suiteName}.jsonl`);
      await writeFile(file, `${lines.join('\n')}\n`);
      exported[suiteName] = lines.length;
      files.push(file);
      out.say(`${suiteName}: ${lines.length} golden case(s) → ${file}`);
      out.say(`  run them: npx tidedesk eval --suite ${suiteName} --cases ${file}`);
    }
    if (files.length === 0 && skipped.length === 0) {
      out.say(
        `No golden cases recorded for tenant "${slug}"${flags.suite ? ` in suite ${flags.suite}` : ''}. Record them in the QA workspace (/qa → Conversations → Save as golden case).`,
      );
    }
    out.result({ tenant: slug, exported, files, ...(skipped.length ? { skipped } : {}) });
    return skipped.length > 0 ? 1 : 0;
  } finally {
    client.close();
  }
}
