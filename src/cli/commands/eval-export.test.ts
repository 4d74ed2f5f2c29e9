import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tenants } from '#src/db/schema/tenants.ts';
import { users } from '#src/db/schema/users.ts';
import { seedDemo } from '#src/db/seed/seed.ts';
import { createFakeClock } from '#src/ports/clock.ts';
import { createSequentialIds } from '#src/ports/ids.ts';
import { openMigratedDb } from '#src/runtime/libsql.ts';
import { recordGoldenCase } from '#src/services/qa/golden-cases.ts';
import { createInProcessEvalExecutor } from '#src/services/qa/in-process-executor.ts';
import { evalCommand } from './eval.ts';

const dir = mkdtempSync(join(tmpdir(), 'tidedesk-eval-export-'));
const dbUrl = `file:${join(dir, 'qa.db')}`;
let close: () => void;

const COMPLIANCE = [
  { id: 'g-forbidden', lang: 'zh', draft: '这个我不知道，您问问快递吧。', expected: ['forbidden_phrase'] },
  { id: 'g-clean', lang: 'en', draft: 'Thanks for waiting, I am checking your order now.', expected: [] },
];

beforeAll(async () => {
  const { db, client } = await openMigratedDb(dbUrl);
  close = () => client.close();
  const clock = createFakeClock();
  const ids = createSequentialIds();
  await seedDemo({ db, clock, ids, password: 'tidedesk-demo' });
  const deps = { db, clock, ids, evalExecutor: createInProcessEvalExecutor() };
  const actorOf = async (email: string) => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return { tenantId: u!.tenantId, userId: u!.id };
  };
  const demo = await actorOf('qa@demo.test');
  for (const c of COMPLIANCE) {
    await recordGoldenCase(deps, demo, { suite: 'compliance', case: c });
    clock.advance(1000);
  }
  // A second version of the first case: the export carries the newest one only.
  await recordGoldenCase(deps, demo, {
    suite: 'compliance',
    case: { ...COMPLIANCE[0]!, expected: ['forbidden_phrase', 'rude_tone'] },
  });
  await recordGoldenCase(deps, demo, {
    suite: 'intent',
    case: { id: 'g-intent', lang: 'zh', text: '我想退款', label: 'refund' },
  });
  // Another tenant's case never leaves with demo's.
  await recordGoldenCase(deps, await actorOf('admin@northwind.test'), {
    suite: 'compliance',
    case: { id: 'nw-only', lang: 'en', draft: 'Hello', expected: [] },
  });
  const [demoTenant] = await db.select().from(tenants).where(eq(tenants.slug, 'demo'));
  expect(demoTenant).toBeDefined();
});

afterAll(() => {
  close?.();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

async function inProcess(args: string[]) {
  const said: string[] = [];
  const results: Record<string, unknown>[] = [];
  const errors: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...m: unknown[]) => {
    errors.push(m.join(' '));
  });
  try {
    const out = {
      json: args.includes('--json'),
      say: (l: string) => said.push(l),
      result: (r: Record<string, unknown>) => results.push(r),
    };
    const code = await evalCommand(out, args);
    return { code, said: said.join('\n'), result: results.at(-1), stderr: errors.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

const readJsonl = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; expected?: string[] });

describe('tidedesk eval export', () => {
  it('writes the tenant’s newest golden cases as JSONL per suite, and the JSON line lists them', async () => {
    vi.stubEnv('DATABASE_URL', dbUrl);
    const out = join(dir, 'out');
    const res = await inProcess(['export', '--tenant', 'demo', '--out', out, '--json']);
    expect(res.code).toBe(0);
    expect(res.result).toEqual({
      tenant: 'demo',
      exported: { compliance: 2, intent: 1 },
      files: [join(out, 'compliance.jsonl'), join(out, 'intent.jsonl')],
    });
    const compliance = readJsonl(join(out, 'compliance.jsonl'));
    expect(compliance.map((c) => c.id)).toEqual(['g-forbidden', 'g-clean']);
    expect(compliance[0]?.expected).toEqual(['forbidden_phrase', 'rude_tone']);
    expect(compliance.map((c) => c.id)).not.toContain('nw-only');
  });

  it('--suite limits the export, and the exported file runs as --cases for that suite', async () => {
    vi.stubEnv('DATABASE_URL', dbUrl);
    const out = join(dir, 'only');
    const res = await inProcess(['export', '--suite', 'compliance', '--out', out, '--json']);
    expect(res.code).toBe(0);
    expect(res.result?.exported).toEqual({ compliance: 2 });
    expect(existsSync(join(out, 'intent.jsonl'))).toBe(false);

    const run = await inProcess([
      '--suite',
      'compliance',
      '--cases',
      join(out, 'compliance.jsonl'),
      '--report',
      join(dir, 'golden.html'),
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.result?.cases).toBe(2);
    expect(run.result?.suite).toBe('compliance');
  });

  it('says so when a tenant has no golden cases, and rejects unknown tenants, suites and databases', async () => {
    vi.stubEnv('DATABASE_URL', dbUrl);
    const none = await inProcess(['export', '--suite', 'interview', '--out', join(dir, 'none'), '--json']);
    expect(none.code).toBe(0);
    expect(none.result).toEqual({ tenant: 'demo', exported: {}, files: [] });
    expect(none.said).toContain('No golden cases recorded');

    const tenant = await inProcess(['export', '--tenant', 'nobody', '--json']);
    expect(tenant.code).toBe(2);
    expect(tenant.stderr).toContain('No tenant "nobody"');

    const suite = await inProcess(['export', '--suite', 'vibes']);
    expect(suite.code).toBe(2);

    vi.stubEnv('DATABASE_URL', `file:${join(dir, 'missing.db')}`);
    const db = await inProcess(['export']);
    expect(db.code).toBe(2);
    expect(db.stderr).toContain('No database at');
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
  });
});
