/**
 * @module The `tidedesk` command. Subcommands: serve, migrate, seed, build, bench, eval.
 * With --json, the last line printed is one JSON object.
 */
import { parseArgs } from 'node:util';
import { EnvError } from '#src/config/env.ts';
import { VaultKeyError } from '#src/services/pii/vault-keys.ts';
import { migrateCommand, seedCommand } from './commands/db.ts';
import { serveCommand } from './commands/serve.ts';
import { createOutput } from './output.ts';

const HELP = `tidedesk <command> [options]

Commands:
  serve              start Tidedesk (what npm start runs)
  migrate            apply database migrations
  seed [--reset]     seed the demo tenants (--reset wipes the database first)
  build              bundle client assets into dist/public
  keys rotate [--new-key-env NAME] [--batch N] [--json]
                     re-seal the PII vault under a new master key (stop the server first)
  keys check [--json]   check the master key against the vault; values per key version
  bench [--only NAME] [--json]   run benchmarks
  eval [--suite NAME] [--gate] [--report FILE.html] [--json]   run eval suites (eval --help)
  interviews score --campaign ID [--rescore] [--json]
                     score a campaign's finished candidates (resumable, skips current scorecards)
  interviews synth --candidates N [--tenant demo]   create a synthetic campaign (load tests)
  sim tidal [--roster-cap 0.5] [--seeds 3] [--report FILE.html]
                     simulate the 6× tidal day: team vs individual vs elastic routing
  sim import-tau2 [--tenant demo] [--json]
                     store the τ²-bench tasks (TIDEDESK_DATASETS) as an English training catalogue

Options:
  --json             print one JSON object as the last line
  -h, --help         this help`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: false,
    options: {
      json: { type: 'boolean' },
      reset: { type: 'boolean' },
      only: { type: 'string' },
      report: { type: 'string' },
      'roster-cap': { type: 'string' },
      seeds: { type: 'string' },
      tenant: { type: 'string' },
      'new-key-env': { type: 'string' },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const out = createOutput(Boolean(values.json));
  switch (command) {
    case 'serve':
      await serveCommand(out);
      return -1; // keep running
    case 'migrate':
      await migrateCommand(out);
      return 0;
    case 'seed':
      await seedCommand(out, Boolean(values.reset));
      return 0;
    case 'build': {
      const { buildAssets } = await import('#src/runtime/assets.ts');
      await buildAssets();
      out.say('Client assets built into dist/public.');
      out.result({ ok: true });
      return 0;
    }
    case 'sim': {
      if (positionals[0] === 'import-tau2') {
        const { simImportTau2Command } = await import('./commands/sim-import.ts');
        return simImportTau2Command(out, {
          tenant: typeof values.tenant === 'string' ? values.tenant : 'demo',
        });
      }
      const { simCommand } = await import('./commands/sim.ts');
      return simCommand(out, {
        scenario: positionals[0],
        rosterCap: Number(values['roster-cap'] ?? 0.5),
        seeds: Number(values.seeds ?? 3),
        ...(typeof values.report === 'string' ? { report: values.report } : {}),
      });
    }
    case 'bench': {
      const { benchCommand } = await import('./commands/bench.ts');
      return benchCommand(out, {
        only: typeof values.only === 'string' ? values.only : undefined,
        positionals,
      });
    }
    case 'keys': {
      const { keysCommand } = await import('./commands/keys.ts');
      return keysCommand(out, {
        sub: positionals[0],
        newKeyEnv: typeof values['new-key-env'] === 'string' ? values['new-key-env'] : undefined,
        batch: typeof values.batch === 'string' ? Number(values.batch) : undefined,
      });
    }
    case 'eval': {
      const { evalCommand } = await import('./commands/eval.ts');
      return evalCommand(out, rest);
    }
    case 'interviews': {
      const { interviewsCommand } = await import('./commands/interviews.ts');
      return interviewsCommand(out, rest);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof EnvError || err instanceof VaultKeyError) {
      // A configuration problem: the message says what to fix; a stack trace would only bury it.
      console.error(err.message);
      process.exit(78);
    }
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
