/**
 * @module The eval executor for the file-system runtimes (Node, Deno): runs a suite in this
 * process through the harness runner, renders its HTML report and gates authored runs on
 * eval/baselines.json. The harness is imported on first use, so starting the server does not pay
 * for loading six suites. Embedded prediction is CPU-bound and mostly synchronous; the predictor
 * is wrapped so that it yields to the event loop every few cases, which keeps the API (and the
 * progress polls) answering while a run is under way.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnySuite } from '../../../eval/harness/registry.ts';
import type { SuiteName } from '../../../eval/harness/suite.ts';
import type {
  CaseCheck,
  EvalExecutor,
  ExecutedRun,
  ExecuteRequest,
  SuiteCatalogEntry,
} from './run-executor.ts';

/** Predictions between two yields to the event loop. */
const YIELD_EVERY = 4;

const nextTick = () => new Promise<void>((done) => setImmediate(done));

/** The same suite whose predictor lets other work run every `every` cases. */
export function yieldingSuite(suite: AnySuite, every = YIELD_EVERY): AnySuite {
  return {
    ...suite,
    async prepare(ctx) {
      const inner = await suite.prepare(ctx);
      let n = 0;
      return {
        // Getters, not copies: a predictor may report a different provider after a fallback.
        get provider() {
          return inner.provider;
        },
        get promptVersion() {
          return inner.promptVersion;
        },
        async predict(c) {
          n += 1;
          if (n % every === 0) await nextTick();
          return inner.predict(c);
        },
      };
    },
  };
}

async function countRows(file: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
}

export function createInProcessEvalExecutor(): EvalExecutor {
  const harness = () =>
    Promise.all([
      import('../../../eval/harness/registry.ts'),
      import('../../../eval/harness/runner.ts'),
      import('../../../eval/harness/gate.ts'),
      import('../../../eval/harness/git.ts'),
      import('../../../eval/harness/paths.ts'),
      import('../../../eval/report/run-report.ts'),
    ]).then(([registry, runner, gate, git, paths, report]) => ({
      registry,
      runner,
      gate,
      git,
      paths,
      report,
    }));

  return {
    async catalog(): Promise<SuiteCatalogEntry[]> {
      const { registry, paths } = await harness();
      const loads = await registry.loadAllSuites();
      return Promise.all(
        loads.map(async (load) =>
          load.status === 'ok'
            ? {
                name: load.name,
                description: load.suite.description,
                status: 'ok' as const,
                authoredCases: await countRows(paths.fromRepoRoot(load.suite.casesFile)),
              }
            : {
                name: load.name,
                description: '',
                status: load.status,
                reason: load.reason,
                authoredCases: 0,
              },
        ),
      );
    },

    async checkCase(suiteName: SuiteName, value: unknown): Promise<CaseCheck> {
      const { registry } = await harness();
      const suite = await registry.requireSuite(suiteName);
      const parsed = suite.caseSchema.safeParse(value);
      if (parsed.success) return { ok: true, value: parsed.data as Record<string, unknown> };
      return {
        ok: false,
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
          code: issue.code,
        })),
      };
    },

    async execute(request: ExecuteRequest): Promise<ExecutedRun> {
      const { registry, runner, gate, git, report } = await harness();
      const suite = yieldingSuite(await registry.requireSuite(request.suite));
      let dir: string | null = null;
      try {
        let casesFile: string | undefined;
        if (request.cases) {
          // The runner reads JSONL files; golden cases from the database go through a temp file.
          dir = await mkdtemp(join(tmpdir(), 'tidedesk-golden-'));
          casesFile = join(dir, `golden-${request.suite}.jsonl`);
          await writeFile(casesFile, `${request.cases.map((c) => JSON.stringify(c)).join('\n')}\n`);
        }
        const rev = git.gitRev();
        const result = await runner.runSuite(suite, {
          provider: request.provider,
          datasets: false,
          ...(casesFile ? { casesFile } : {}),
          onProgress: (p) => request.onProgress({ set: p.set, done: p.done, total: p.total }),
          ...(rev ? { gitRev: rev } : {}),
        });
        // Baselines were measured on the authored cases; a golden-case run is not gated.
        const gates = request.cases ? [] : [gate.gateRun(result, await gate.readBaselines())];
        const reportHtml = report.renderRunReport({
          runs: [result],
          gates,
          generatedAt: new Date().toISOString(),
        });
        return { result, reportHtml };
      } finally {
        if (dir) await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
