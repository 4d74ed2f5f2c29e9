/**
 * @module Suite name → its definition, imported on demand from eval/<name>/suite.ts. A suite whose
 * file does not exist yet is reported as "not implemented yet" rather than faked; one whose file
 * fails to load is reported as broken with the import error.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EvalRunError } from './errors.ts';
import { SUITE_NAMES, type SuiteDefinition, type SuiteName } from './suite.ts';

// Suites have their own case and prediction types; the harness only passes values between a
// suite's own functions, so it sees them as unknown.
export type AnySuite = SuiteDefinition<unknown, unknown>;

export type SuiteLoad =
  | { name: SuiteName; status: 'ok'; suite: AnySuite }
  | { name: SuiteName; status: 'not-implemented' | 'broken'; reason: string };

export function isSuiteName(name: string): name is SuiteName {
  return (SUITE_NAMES as readonly string[]).includes(name);
}

export function suiteFile(name: SuiteName): string {
  return fileURLToPath(new URL(`../${name}/suite.ts`, import.meta.url));
}

function looksLikeSuite(value: unknown, name: SuiteName): value is AnySuite {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.name === name && typeof v.prepare === 'function' && typeof v.score === 'function' && 'caseSchema' in v
  );
}

/** Import one suite; never throws for a missing or broken suite (see `status`). */
export async function loadSuite(name: SuiteName): Promise<SuiteLoad> {
  const file = suiteFile(name);
  if (!existsSync(file)) {
    return {
      name,
      status: 'not-implemented',
      reason: `not implemented yet (eval/${name}/suite.ts does not exist)`,
    };
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await import(new URL(`../${name}/suite.ts`, import.meta.url).href)) as Record<string, unknown>;
  } catch (err) {
    return {
      name,
      status: 'broken',
      reason: `eval/${name}/suite.ts failed to load: ${(err as Error).message}`,
    };
  }
  const found = [mod.default, mod.suite, ...Object.values(mod)].find((v) => looksLikeSuite(v, name));
  if (!found) {
    return {
      name,
      status: 'broken',
      reason: `eval/${name}/suite.ts exports no SuiteDefinition named "${name}"`,
    };
  }
  return { name, status: 'ok', suite: found };
}

/** Import a suite asked for by name; unknown, missing or broken suites throw EvalRunError. */
export async function requireSuite(name: string): Promise<AnySuite> {
  if (!isSuiteName(name)) {
    throw new EvalRunError('unknown-suite', `Unknown suite "${name}". Suites: ${SUITE_NAMES.join(', ')}.`);
  }
  const loaded = await loadSuite(name);
  if (loaded.status === 'ok') return loaded.suite;
  throw new EvalRunError(
    loaded.status === 'not-implemented' ? 'not-implemented' : 'suite-broken',
    `Suite ${name}: ${loaded.reason}.`,
  );
}

/** Every suite in contract order, loaded or with the reason it is skipped. */
export function loadAllSuites(): Promise<SuiteLoad[]> {
  return Promise.all(SUITE_NAMES.map(loadSuite));
}
