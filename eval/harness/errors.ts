/**
 * @module The eval harness's expected failures. Each carries the CLI exit code it maps to:
 * 2 for a usage problem (bad flag, unknown suite, invalid case file), 1 for a failed run
 * (required datasets missing, a suite that is not implemented yet when asked for by name).
 */
export type EvalErrorCode =
  | 'usage'
  | 'unknown-suite'
  | 'not-implemented'
  | 'suite-broken'
  | 'bad-cases'
  | 'datasets-missing'
  | 'bad-run-file'
  | 'bad-baselines';

const EXIT: Record<EvalErrorCode, number> = {
  usage: 2,
  'unknown-suite': 2,
  'not-implemented': 1,
  'suite-broken': 1,
  'bad-cases': 2,
  'datasets-missing': 1,
  'bad-run-file': 2,
  'bad-baselines': 2,
};

export class EvalRunError extends Error {
  readonly exitCode: number;
  constructor(
    readonly code: EvalErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EvalRunError';
    this.exitCode = EXIT[code];
  }
}
