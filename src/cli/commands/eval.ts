/**
 * @module `tidedesk eval`: run eval suites, compare two runs, export golden cases.
 *
 *   tidedesk eval [--suite NAME] [--cases FILE.jsonl] [--train FILE.jsonl]
 *                 [--provider embedded|llm|replay] [--json] [--report FILE.html] [--gate]
 *   tidedesk eval compare A.json B.json [--json] [--report FILE.html]
 *   tidedesk eval export [--suite NAME] [--tenant SLUG] [--out DIR] [--json]
 *
 * Exit codes: 0 ok, 1 gate failure or failed run, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { EvalRunError } from '../../../eval/harness/errors.ts';
import type { Output } from '../output.ts';

export const EVAL_HELP = `tidedesk eval [--suite NAME] [--cases FILE.jsonl] [--train FILE.jsonl]
              [--provider embedded|llm|replay] [--json] [--report FILE.html] [--gate]
tidedesk eval compare A.json B.json [--json] [--report FILE.html]
tidedesk eval export [--suite NAME] [--tenant demo] [--out DIR] [--json]
                  golden cases recorded in the QA workspace, as JSONL per suite

Suites: pii, compliance, intent, copilot, simulator, interview (see eval/README.md).
Without --suite every implemented suite runs. Run results are saved as JSON next to --report,
or in eval/runs/. Exit codes: 0 ok, 1 gate failure or failed run, 2 usage error.`;

const PROVIDERS = ['embedded', 'llm', 'replay'] as const;
export type EvalProvider = (typeof PROVIDERS)[number];

export interface EvalFlags {
  suite?: string;
  cases?: string;
  train?: string;
  provider: EvalProvider;
  json: boolean;
  report?: string;
  gate: boolean;
  /** `export`: tenant slug and output folder. */
  tenant?: string;
  out?: string;
}

function usage(out: Output, message: string): number {
  console.error(`${message}\n\nUsage:\n${EVAL_HELP}`);
  if (out.json) out.result({ ok: false, error: message });
  return 2;
}

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

export async function evalCommand(out: Output, args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        suite: { type: 'string' },
        cases: { type: 'string' },
        train: { type: 'string' },
        provider: { type: 'string' },
        json: { type: 'boolean' },
        report: { type: 'string' },
        gate: { type: 'boolean' },
        tenant: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return usage(out, (err as Error).message);
  }
  if (values.help) {
    console.log(EVAL_HELP);
    return 0;
  }
  const provider = str(values.provider) ?? 'embedded';
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    return usage(out, `--provider must be one of ${PROVIDERS.join(', ')}, got "${provider}".`);
  }
  const flags: EvalFlags = {
    suite: str(values.suite),
    cases: str(values.cases),
    train: str(values.train),
    provider: provider as EvalProvider,
    json: Boolean(values.json),
    report: str(values.report),
    gate: Boolean(values.gate),
    tenant: str(values.tenant),
    out: str(values.out),
  };
  const [sub, ...files] = positionals;
  try {
    switch (sub) {
      case undefined:
      case 'run': {
        if (files.length > 0) return usage(out, `Unexpected argument "${files[0]}".`);
        if ((flags.cases || flags.train) && !flags.suite) {
          return usage(
            out,
            '--cases and --train need --suite (the file must match that suite’s case schema).',
          );
        }
        if (flags.gate && flags.cases) {
          return usage(
            out,
            '--gate compares with baselines measured on the authored cases; it cannot be used with --cases.',
          );
        }
        const { runEvalCommand } = await import('./eval-run.ts');
        return await runEvalCommand(out, flags);
      }
      case 'compare': {
        if (files.length !== 2)
          return usage(out, 'compare needs two run files: tidedesk eval compare A.json B.json');
        const { compareCommand } = await import('./eval-compare.ts');
        return await compareCommand(out, files[0]!, files[1]!, flags);
      }
      case 'export': {
        if (files.length > 0) return usage(out, `Unexpected argument "${files[0]}".`);
        const { exportCommand } = await import('./eval-export.ts');
        return await exportCommand(out, flags);
      }
      default:
        return usage(out, `Unknown eval subcommand "${sub}".`);
    }
  } catch (err) {
    if (err instanceof EvalRunError) {
      console.error(err.message);
      if (out.json) out.result({ ok: false, error: err.message, code: err.code });
      return err.exitCode;
    }
    throw err;
  }
}
