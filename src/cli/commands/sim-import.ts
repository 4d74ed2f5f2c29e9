/**
 * @module `tidedesk sim import-tau2 [--tenant demo] [--json]`: maps the τ²-bench airline, retail
 * and telecom tasks in TIDEDESK_DATASETS to English scenario cards and stores them in a tenant's
 * training catalogue (source `tau2`). Re-running adds new tasks, versions changed ones and leaves
 * identical ones — and cards a supervisor has edited since — alone. τ²-bench, (c) 2025 Sierra
 * Research, MIT; the dataset text stays in the datasets folder, only the mapped cards are stored.
 */
import { eq } from 'drizzle-orm';
import { loadEnv } from '#src/config/env.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import { systemClock } from '#src/ports/clock.ts';
import { randomIds } from '#src/ports/ids.ts';
import { openMigratedDb } from '#src/runtime/libsql.ts';
import { importCards } from '#src/services/training/cards.ts';
import { datasetsSetting, locateDatasets } from '../../../eval/harness/datasets.ts';
import { loadTau2Cards } from '../../../eval/simulator/loaders.ts';
import type { Output } from '../output.ts';

export async function simImportTau2Command(out: Output, o: { tenant: string }): Promise<number> {
  const env = loadEnv();
  const located = await locateDatasets(datasetsSetting(env.TIDEDESK_DATASETS));
  if (!located.dir) {
    out.say(located.notice ?? 'The public datasets folder was not found (set TIDEDESK_DATASETS).');
    out.result({ ok: false, reason: 'datasets-missing' });
    return 1;
  }
  const catalogue = await loadTau2Cards(located.dir);
  if (catalogue.cards.length === 0) {
    out.say(
      `No τ²-bench task files under ${located.dir}/tau2-bench (missing: ${catalogue.missing.join(', ')}).`,
    );
    out.result({ ok: false, reason: 'no-tasks', missing: catalogue.missing });
    return 1;
  }
  const { db, client } = await openMigratedDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    const [tenant] = await db
      .select({ id: tenants.id, name: tenants.name })
      .from(tenants)
      .where(eq(tenants.slug, o.tenant));
    if (!tenant) {
      out.say(`No tenant "${o.tenant}" in ${env.DATABASE_URL} (run \`tidedesk seed\` first for the demo).`);
      out.result({ ok: false, reason: 'unknown-tenant', tenant: o.tenant });
      return 1;
    }
    const outcome = await importCards(
      { db, clock: systemClock, ids: randomIds },
      tenant.id,
      catalogue.cards,
      'tau2',
    );
    const byDomain = new Map<string, number>();
    for (const c of catalogue.cards) {
      const domain = c.id.split(':')[1] ?? '?';
      byDomain.set(domain, (byDomain.get(domain) ?? 0) + 1);
    }
    out.say(
      `τ²-bench → ${tenant.name}: ${catalogue.cards.length} English cards (${[...byDomain].map(([d, n]) => `${d} ${n}`).join(', ')})`,
    );
    out.say(
      `  added ${outcome.added}, new versions ${outcome.updated}, unchanged ${outcome.unchanged}, kept (edited by a supervisor) ${outcome.kept}`,
    );
    if (catalogue.skipped.length)
      out.say(`  skipped ${catalogue.skipped.length} tasks that do not make a valid card`);
    if (catalogue.missing.length) out.say(`  missing task files: ${catalogue.missing.join(', ')}`);
    out.result({
      ok: true,
      tenant: o.tenant,
      cards: catalogue.cards.length,
      byDomain: Object.fromEntries(byDomain),
      ...outcome,
      skipped: catalogue.skipped.length,
      missing: catalogue.missing,
    });
    return 0;
  } finally {
    client.close();
  }
}
