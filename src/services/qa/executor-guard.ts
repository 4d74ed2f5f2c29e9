/** @module The 501 the QA workspace answers with where no eval executor runs (Workers). */
import { AppError } from '#src/http/problem.ts';
import type { EvalExecutor } from './run-executor.ts';

/** The executor, or a `not_available` problem naming what needed it. */
export function requireExecutor(executor: EvalExecutor | undefined, what: string): EvalExecutor {
  if (executor) return executor;
  throw new AppError(
    'not_available',
    `${what} is not available on this runtime: eval suites run where the harness can read its files (Node or Deno, \`npm start\`). The stored runs and golden cases are still readable here.`,
  );
}
