/** @module CLI output: human lines on stdout, and with --json one JSON object as the last line. */
export interface Output {
  json: boolean;
  /** A human-readable line (suppressed in --json mode except on stderr). */
  say(line: string): void;
  /** The command's result: printed as JSON last in --json mode, otherwise summarised by the caller. */
  result(value: Record<string, unknown>): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    say: (line) => (json ? process.stderr.write(`${line}\n`) : process.stdout.write(`${line}\n`)),
    result: (value) => {
      if (json) process.stdout.write(`${JSON.stringify(value)}\n`);
    },
  };
}
