/**
 * @module One compiled checker per tenant, built from its active rule pack, its knowledge and its
 * PII detector, and reused for every check and send. A save in this process invalidates it at
 * once; other processes sharing the database notice a new active version within `revalidateMs`
 * (one indexed single-row read), and knowledge edits are picked up after `maxAgeMs`.
 *
 * Beside the checker sits a "grey band" probe for the LLM second pass: the tone scorers' weak
 * markers as a phrase list. The tone scorer needs two of them; exactly one is a draft the rules
 * cannot call, which is what the judge is for.
 */
import { type ComplianceChecker, createComplianceChecker } from '#assist/compliance/engine.ts';
import type { Rule, RulePack } from '#assist/compliance/rule-pack.ts';
import { createPiiDetector, type PiiDetector } from '#src/core/pii/index.ts';
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { RulePackStore } from './rule-packs.ts';
import { loadTenantKnowledge } from './tenant-knowledge.ts';

export interface TenantChecker {
  tenantId: string;
  version: number;
  pack: RulePack;
  checker: ComplianceChecker;
  /** Finds single weak tone markers (info findings); null when the pack has no tone scorer. */
  grey: ComplianceChecker | null;
}

/** The tenant PII detectors (src/services/pii), when the app has them. */
export interface DetectorSource {
  get(tenantId: string): Promise<PiiDetector>;
  onChange?(listener: (tenantId: string) => void): void;
}

export interface CheckerCache {
  get(tenantId: string): Promise<TenantChecker>;
  invalidate(tenantId: string): void;
}

interface Entry {
  built: Promise<TenantChecker>;
  builtAt: number;
  checkedAt: number;
}

/** Weak tone markers of every enabled tone scorer, as one info-level phrase rule each. */
export function greyRules(pack: RulePack): Rule[] {
  const out: Rule[] = [];
  for (const rule of pack.rules) {
    const m = rule.matcher;
    if (!rule.enabled || m.kind !== 'scorer' || m.scorer !== 'tone' || m.weak.length === 0) continue;
    out.push({
      ...rule,
      id: `${rule.id}.grey`,
      severity: 'info',
      matcher: { kind: 'phrases', phrases: m.weak, exceptions: m.exceptions, negations: m.negations },
    });
  }
  return out;
}

export function createCheckerCache(deps: {
  db: Db;
  clock: Clock;
  store: RulePackStore;
  detectors?: DetectorSource;
  revalidateMs?: number;
  maxAgeMs?: number;
}): CheckerCache {
  const { db, clock, store } = deps;
  const revalidateMs = deps.revalidateMs ?? 2_000;
  const maxAgeMs = deps.maxAgeMs ?? 10 * 60_000;
  const builtIn = createPiiDetector();
  const cache = new Map<string, Entry>();

  async function build(tenantId: string): Promise<TenantChecker> {
    const [stored, knowledge, detector] = await Promise.all([
      store.active(tenantId),
      loadTenantKnowledge(db, tenantId),
      deps.detectors ? deps.detectors.get(tenantId) : Promise.resolve(builtIn),
    ]);
    const checker = createComplianceChecker(stored.pack, { detector, knowledge });
    const grey = greyRules(stored.pack);
    return {
      tenantId,
      version: stored.version,
      pack: stored.pack,
      checker,
      grey: grey.length
        ? createComplianceChecker(
            { id: `${stored.pack.id}.grey`, version: stored.version, rules: grey },
            { detector },
          )
        : null,
    };
  }

  function fresh(tenantId: string): Entry {
    const now = clock.now();
    const entry: Entry = { built: build(tenantId), builtAt: now, checkedAt: now };
    cache.set(tenantId, entry);
    entry.built.catch(() => {
      if (cache.get(tenantId) === entry) cache.delete(tenantId);
    });
    return entry;
  }

  function invalidate(tenantId: string) {
    cache.delete(tenantId);
  }
  deps.detectors?.onChange?.(invalidate);

  async function get(tenantId: string): Promise<TenantChecker> {
    const now = clock.now();
    const entry = cache.get(tenantId);
    if (!entry || now - entry.builtAt > maxAgeMs) return fresh(tenantId).built;
    if (now - entry.checkedAt <= revalidateMs) return entry.built;
    entry.checkedAt = now;
    const [current, active] = await Promise.all([entry.built, store.activeVersion(tenantId)]);
    if (active === null || active === current.version) return current;
    // Someone else may have rebuilt meanwhile; only the entry we revalidated is replaced.
    return cache.get(tenantId) === entry ? fresh(tenantId).built : get(tenantId);
  }

  return { invalidate, get };
}
