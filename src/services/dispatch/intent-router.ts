/**
 * @module Intent → SOP for new conversations. Each tenant gets the embedded classifier trained
 * from its own SOP phrasings and SOP texts (assist/intent/sop-training.ts), built once and cached.
 * A cheap signature of the SOP tables is checked on every call, so an edited SOP retrains the
 * model on the next conversation. Trained models are kept by content fingerprint: two tenants
 * (or two test apps) with the same SOPs share one model.
 *
 * An LLM classifier is not wired yet: there is no intent prompt, and the embedded model already
 * answers in under a millisecond. It would slot in behind `classify` with the embedded result as
 * the `assist.withFallback` fallback.
 */
import { eq, sql } from 'drizzle-orm';
import type { EmbeddedIntentClassifier, RankedLabel } from '#assist/intent/classifier.ts';
import { NONE_LABEL } from '#assist/intent/classifier.ts';
import { sopTextsFromRows, trainSopClassifier } from '#assist/intent/sop-training.ts';
import type { Db } from '#src/db/client.ts';
import { sopPhrasings, sopSteps, sops } from '#src/db/schema/sops.ts';
import type { Logger } from '#src/ports/logger.ts';

export interface SopRoute {
  id: string;
  key: string;
  skillId: string;
  minLevel: number;
}

export interface Classification {
  /** The SOP the conversation follows, or null: triage. */
  sop: SopRoute | null;
  label: string;
  confidence: number;
  ranked: RankedLabel[];
  provider: 'embedded';
  /** Why it went where it went, for the event log. */
  reason: string;
}

/** Trained models by content fingerprint; share one across apps to train once per process. */
export type IntentModelCache = Map<string, Promise<EmbeddedIntentClassifier | null>>;

interface TenantModel {
  signature: string;
  model: Promise<EmbeddedIntentClassifier | null>;
}

/** 53-bit string hash (cyrb53): a fingerprint of the training texts, not a security measure. */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export interface IntentRouter {
  classify(tenantId: string, text: string, minConfidence: number): Promise<Classification>;
  /** Builds (or checks) the tenant's model ahead of the first conversation. */
  warm(tenantId: string): Promise<void>;
  /** Forget the tenant's model; the next call retrains if the SOPs changed. */
  invalidate(tenantId: string): void;
}

export function createIntentRouter(
  db: Db,
  logger: Logger,
  cache: IntentModelCache = new Map(),
): IntentRouter {
  const tenants = new Map<string, TenantModel>();

  /** Counts and sizes of the SOP tables: changes whenever an SOP, step or phrasing does. */
  async function signatureOf(tenantId: string): Promise<string> {
    const [row] = await db.all<{ sig: string }>(sql`select
      (select count(*) || ':' || coalesce(sum(length(text)), 0) from ${sopPhrasings} where tenant_id = ${tenantId}) || '|' ||
      (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(length(name_zh) + length(name_en)), 0) from ${sops} where tenant_id = ${tenantId}) || '|' ||
      (select count(*) || ':' || coalesce(sum(length(script_zh) + length(script_en) + length(title_zh) + length(title_en)), 0) from ${sopSteps} where tenant_id = ${tenantId})
      as sig`);
    return row?.sig ?? '';
  }

  async function train(tenantId: string): Promise<EmbeddedIntentClassifier | null> {
    const [sopRows, steps, phrasings] = await Promise.all([
      db.select().from(sops).where(eq(sops.tenantId, tenantId)),
      db.select().from(sopSteps).where(eq(sopSteps.tenantId, tenantId)),
      db.select().from(sopPhrasings).where(eq(sopPhrasings.tenantId, tenantId)),
    ]);
    const texts = sopTextsFromRows({ sops: sopRows, steps, phrasings }).sort((a, b) =>
      a.key.localeCompare(b.key),
    );
    const key = fingerprint(JSON.stringify(texts));
    let model = cache.get(key);
    if (!model) {
      model = Promise.resolve().then(() => {
        if (texts.every((t) => t.phrasings.length === 0)) return null;
        const started = Date.now();
        const trained = trainSopClassifier(texts);
        logger.info('intent classifier trained', {
          tenantId,
          sops: texts.length,
          ms: Date.now() - started,
        });
        return trained;
      });
      cache.set(key, model);
      model.catch(() => cache.delete(key));
    }
    return model;
  }

  async function modelFor(tenantId: string): Promise<EmbeddedIntentClassifier | null> {
    const signature = await signatureOf(tenantId);
    const known = tenants.get(tenantId);
    if (known && known.signature === signature) return known.model;
    const entry: TenantModel = { signature, model: train(tenantId) };
    tenants.set(tenantId, entry);
    entry.model.catch(() => {
      if (tenants.get(tenantId) === entry) tenants.delete(tenantId);
    });
    return entry.model;
  }

  return {
    async classify(tenantId, text, minConfidence) {
      const [model, routes] = await Promise.all([
        modelFor(tenantId),
        db
          .select({ id: sops.id, key: sops.key, skillId: sops.skillId, minLevel: sops.minLevel })
          .from(sops)
          .where(eq(sops.tenantId, tenantId)),
      ]);
      if (!model) {
        return {
          sop: null,
          label: NONE_LABEL,
          confidence: 0,
          ranked: [],
          provider: 'embedded',
          reason: 'the tenant has no SOP phrasings to classify against',
        };
      }
      const p = model.classify(text);
      const base = { label: p.label, confidence: p.confidence, ranked: p.ranked.slice(0, 3) };
      const triage = (reason: string): Classification => ({
        ...base,
        sop: null,
        provider: 'embedded',
        reason,
      });
      if (p.label === NONE_LABEL) {
        return triage(
          `no SOP matched: best guess ${p.ranked[0]?.label ?? '-'} at ${p.confidence.toFixed(2)} is out of scope`,
        );
      }
      if (p.confidence < minConfidence) {
        return triage(`confidence ${p.confidence.toFixed(2)} for ${p.label} is below ${minConfidence}`);
      }
      const sop = routes.find((r) => r.key === p.label);
      if (!sop) return triage(`the classifier chose SOP ${p.label}, which no longer exists`);
      return {
        ...base,
        sop,
        provider: 'embedded',
        reason: `matched SOP ${sop.key} with confidence ${p.confidence.toFixed(2)}`,
      };
    },
    async warm(tenantId) {
      await modelFor(tenantId);
    },
    invalidate(tenantId) {
      tenants.delete(tenantId);
    },
  };
}
