/**
 * @module `tidedesk interviews`: operator commands for interview campaigns.
 *
 *   tidedesk interviews score --campaign ID [--rescore] [--no-transcribe] [--json]
 *       Score every finished candidate of a campaign in a resumable batch: due transcriptions
 *       are tried first, then candidates are scored page by page, each page committed, so an
 *       interrupted run picks up where it stopped; candidates whose scorecard is current are
 *       skipped (--rescore scores them all again). Progress on stderr; with --json the last line
 *       is {campaign, scored, skipped, failed, durationMs}. Exit 1 when any candidate failed.
 *   tidedesk interviews synth --candidates N [--tenant demo] [--seed 1] [--json]
 *       Create a campaign with N synthetic finished candidates (load tests, demos).
 */
import { parseArgs } from 'node:util';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { loadEnv } from '#src/config/env.ts';
import { interviewCampaigns } from '#src/db/schema/interviews.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import { users } from '#src/db/schema/users.ts';
import { systemClock } from '#src/ports/clock.ts';
import { randomIds } from '#src/ports/ids.ts';
import { createLogger } from '#src/ports/logger.ts';
import { createFileSystemAssist } from '#src/runtime/assist.ts';
import { openMigratedDb } from '#src/runtime/libsql.ts';
import { createFileRecordingStore } from '#src/runtime/recording-store.ts';
import { createInterviewService } from '#src/services/interviews/index.ts';
import type { BatchProgress } from '#src/services/interviews/scoring.ts';
import { createSyntheticCampaign } from '#src/services/interviews/synthetic.ts';
import type { Output } from '../output.ts';

export const INTERVIEWS_HELP = `tidedesk interviews score --campaign ID [--rescore] [--no-transcribe] [--json]
tidedesk interviews synth --candidates N [--tenant demo] [--seed 1] [--json]`;

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A progress bar on stderr: rewritten in place on a terminal, a line every few seconds
 * otherwise (CI logs), always a final line.
 */
export function progressBar(stream: ProgressStream, now: () => number = () => performance.now()) {
  const tty = Boolean(stream.isTTY);
  const started = now();
  let last = Number.NEGATIVE_INFINITY;
  return (p: BatchProgress) => {
    const t = now();
    const finished = p.done >= p.total;
    if (!finished && t - last < (tty ? 150 : 5000)) return;
    last = t;
    const width = 30;
    const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : width;
    const rate = p.done / Math.max(0.001, (t - started) / 1000);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${p.total} · scored ${p.scored} · skipped ${p.skipped} · failed ${p.failed} · ${rate.toFixed(0)}/s`;
    if (tty) stream.write(`\r\x1b[2K${line}${finished ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
}

function usage(out: Output, message: string): number {
  console.error(`${message}\n\nUsage:\n${INTERVIEWS_HELP}`);
  if (out.json) out.result({ ok: false, error: message });
  return 2;
}

async function open() {
  const env = loadEnv();
  const database = await openMigratedDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  // Logs go to stderr so stdout keeps the summary and the --json line.
  const logger = createLogger(env.TIDEDESK_LOG_LEVEL === 'info' ? 'warn' : env.TIDEDESK_LOG_LEVEL, (l) =>
    process.stderr.write(`${l}\n`),
  );
  const service = createInterviewService({
    db: database.db,
    clock: systemClock,
    ids: randomIds,
    logger,
    assist: createFileSystemAssist(env, { logger, clock: systemClock }),
    recordings: createFileRecordingStore(`${env.TIDEDESK_DATA_DIR}/recordings`),
  });
  return { database, service };
}

export async function interviewsCommand(out: Output, args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        campaign: { type: 'string' },
        rescore: { type: 'boolean' },
        'no-transcribe': { type: 'boolean' },
        candidates: { type: 'string' },
        tenant: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
  } catch (err) {
    return usage(out, (err as Error).message);
  }
  const [sub] = positionals;
  if (sub === 'score') {
    const campaignId = values.campaign;
    if (typeof campaignId !== 'string') return usage(out, 'interviews score needs --campaign ID.');
    const { database, service } = await open();
    try {
      const [campaign] = await database.db
        .select()
        .from(interviewCampaigns)
        .where(eq(interviewCampaigns.id, campaignId));
      if (!campaign) return usage(out, `No campaign ${campaignId}.`);
      if (!values['no-transcribe']) {
        const tr = await service.processTranscriptions({ campaignId, limit: 10_000 });
        if (tr.done + tr.retrying + tr.failed > 0) {
          out.say(`Transcriptions: ${tr.done} done, ${tr.retrying} queued for retry, ${tr.failed} failed.`);
        }
      }
      const result = await service.scoreCampaign(campaign.tenantId, campaignId, {
        rescore: Boolean(values.rescore),
        onProgress: progressBar(process.stderr),
        now: () => performance.now(),
      });
      out.say(
        `Campaign ${campaign.name}: scored ${result.scored}, skipped ${result.skipped} (current), failed ${result.failed} in ${(result.durationMs / 1000).toFixed(1)} s.`,
      );
      for (const f of result.failures.slice(0, 10)) out.say(`  failed ${f.candidateId}: ${f.error}`);
      const { failures: _f, ...summary } = result;
      out.result(summary);
      return result.failed > 0 ? 1 : 0;
    } finally {
      database.client.close();
    }
  }
  if (sub === 'synth') {
    const count = Number(values.candidates);
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
      return usage(out, 'interviews synth needs --candidates N (1 to 1,000,000).');
    }
    const slug = typeof values.tenant === 'string' ? values.tenant : 'demo';
    const { database, service } = await open();
    try {
      const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, slug));
      if (!tenant) return usage(out, `No tenant "${slug}" (run tidedesk seed first).`);
      const [owner] = await database.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.tenantId, tenant.id), inArray(users.role, ['recruiter', 'admin'])))
        .orderBy(asc(users.role));
      if (!owner) return usage(out, `Tenant "${slug}" has no recruiter or admin to own the campaign.`);
      const started = performance.now();
      const bar = progressBar(process.stderr);
      const made = await createSyntheticCampaign(service.deps, {
        tenantId: tenant.id,
        userId: owner.id,
        count,
        seed: typeof values.seed === 'string' ? Number(values.seed) : 1,
        onProgress: (done) => bar({ done, total: count, scored: 0, skipped: 0, failed: 0 }),
      });
      const durationMs = Math.round(performance.now() - started);
      out.say(
        `Created campaign ${made.campaignId} with ${made.candidates} synthetic candidates in ${(durationMs / 1000).toFixed(1)} s.`,
      );
      out.say(`Score it: tidedesk interviews score --campaign ${made.campaignId}`);
      out.result({ campaign: made.campaignId, candidates: made.candidates, durationMs });
      return 0;
    } finally {
      database.client.close();
    }
  }
  return usage(out, sub ? `Unknown interviews command "${sub}".` : 'interviews needs a command.');
}
