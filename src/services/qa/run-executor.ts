/**
 * @module The port between the QA workspace and the eval harness. The harness reads suite files,
 * case files and baselines from disk, so it runs where there is a file system: Node and Deno
 * hand `createApp` the in-process adapter (in-process-executor.ts); Workers hand in none, and the
 * workspace answers the calls that need it with a 501 problem ("not available on this runtime").
 */
import type { EvalProviderName } from '#src/db/schema/qa.ts';
import type { RunResult } from '../../../eval/harness/run-result.ts';
import type { SuiteName } from '../../../eval/harness/suite.ts';

export interface SuiteCatalogEntry {
  name: SuiteName;
  description: string;
  /** `not-implemented` / `broken` suites are listed with the reason and cannot be run. */
  status: 'ok' | 'not-implemented' | 'broken';
  reason?: string;
  /** Rows in the suite's authored golden file (eval/<suite>/cases.jsonl). */
  authoredCases: number;
}

export interface CaseIssue {
  /** Dotted path inside the case, e.g. `expected.0`. */
  path: string;
  message: string;
  code?: string;
}

export type CaseCheck = { ok: true; value: Record<string, unknown> } | { ok: false; issues: CaseIssue[] };

export interface ExecutionProgress {
  set: string;
  done: number;
  total: number;
}

export interface ExecuteRequest {
  suite: SuiteName;
  provider: EvalProviderName;
  /** Cases to score instead of the authored file (a tenant's golden cases); already valid. */
  cases?: Record<string, unknown>[];
  onProgress(p: ExecutionProgress): void;
}

export interface ExecutedRun {
  result: RunResult;
  /** The self-contained HTML report (eval/report), gate included for authored runs. */
  reportHtml: string;
}

export interface EvalExecutor {
  /** Every suite of the contract, with its description and authored case count. */
  catalog(): Promise<SuiteCatalogEntry[]>;
  /** Validate one case against the suite's zod case schema (what the harness will parse it with). */
  checkCase(suite: SuiteName, value: unknown): Promise<CaseCheck>;
  /** Run one suite to completion. Rejects with an Error whose message is fit to show a QA person. */
  execute(request: ExecuteRequest): Promise<ExecutedRun>;
}
