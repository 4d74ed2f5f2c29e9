/**
 * @module The copilot suite's public sets, read from TIDEDESK_DATASETS (the harness passes the
 * folder): τ²-bench retail, airline, telecom and banking (tau2.ts) and Bitext (bitext.ts) — each
 * module says exactly what its figures mean. No dataset text is copied into the repository; a
 * set whose files are absent is left out. Each set's tenant is rebuilt from the same files when
 * the suite prepares it (`publicTenant`), so cases and knowledge always match.
 */
import type { CopilotOptions } from '#assist/copilot/index.ts';
import type { CaseSet } from '../harness/suite.ts';
import { bitextCaseSet, loadBitext } from './bitext.ts';
import type { CopilotCase } from './case.ts';
import { loadTau2, TAU2_DOMAINS, type Tau2Domain, tau2CaseSet } from './tau2.ts';

export async function loadPublicCopilotSets(datasetsDir: string): Promise<CaseSet<CopilotCase>[]> {
  const sets: CaseSet<CopilotCase>[] = [];
  for (const domain of TAU2_DOMAINS) {
    const data = await loadTau2(datasetsDir, domain);
    if (data && data.cases.length > 0) sets.push(tau2CaseSet(domain, data));
  }
  const bitext = await loadBitext(datasetsDir);
  if (bitext && bitext.cases.length > 0) sets.push(bitextCaseSet(bitext));
  return sets;
}

const isTau2 = (d: string): d is Tau2Domain => (TAU2_DOMAINS as readonly string[]).includes(d);

/** The tenant that answers a public set's cases (`kb` = tau2-<domain> or bitext). */
export async function publicTenant(kb: string, datasetsDir: string | null): Promise<CopilotOptions> {
  if (!datasetsDir) throw new Error(`copilot case needs the public datasets for kb "${kb}"`);
  const domain = kb.startsWith('tau2-') ? kb.slice('tau2-'.length) : '';
  const data = isTau2(domain)
    ? await loadTau2(datasetsDir, domain)
    : kb === 'bitext'
      ? await loadBitext(datasetsDir)
      : null;
  if (!data) throw new Error(`copilot: no public knowledge "${kb}" in ${datasetsDir}`);
  return data.tenant;
}
