/**
 * @module `tidedesk eval export`: golden cases recorded in the QA workspace, as suite JSONL. The
 * QA workspace's golden-case store is not built yet, so this says so and exits non-zero rather
 * than exporting raw conversations (which would carry unmasked personal data).
 */
import type { Output } from '../output.ts';
import type { EvalFlags } from './eval.ts';

export async function exportCommand(out: Output, _flags: EvalFlags): Promise<number> {
  const message =
    'eval export requires the QA workspace golden-case store, which does not exist yet. ' +
    'Until then, write cases by hand in a suite’s JSONL schema (eval/README.md) and run them with --cases.';
  console.error(message);
  out.result({ ok: false, error: message });
  return 1;
}
