/**
 * @module Signals from the compliance checker (assist/compliance/): the tenant's rule pack decides
 * what is rude (tone scorer, buck-passing), dismissive (perfunctory 禁用语), abusive (insults),
 * an unauthorised promise, a request for a secret or an off-platform move; the embedded lexicon
 * (signals.ts) still supplies what a compliance pack does not judge — empathy and politeness — and
 * the simulator's own abuse list, so swearing ends a session whichever source is used.
 *
 * Findings map to signal kinds by rule id (`tone.insult.*` → abusive, `tone.scorer.*` → rude …) and,
 * for a tenant's own rules, by category. Knowledge-base and disclosure findings are left to the
 * simulator's coach, which judges them against the card.
 */

import { defaultPack } from '#assist/compliance/default-pack.ts';
import { demoComplianceKnowledge } from '#assist/compliance/demo-knowledge.ts';
import { type ComplianceChecker, createComplianceChecker } from '#assist/compliance/engine.ts';
import type { Finding } from '#assist/compliance/types.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { embeddedSignals, type Signal, type SignalKind, type SignalSource } from './signals.ts';

const BY_RULE: readonly [prefix: string, kind: SignalKind][] = [
  ['tone.insult', 'abusive'],
  ['tone.', 'rude'],
  ['forbidden.not-my-job', 'rude'],
  ['forbidden.pass-the-buck', 'rude'],
  ['forbidden.dont-know', 'dismissive'],
  ['forbidden.no-way', 'dismissive'],
  ['forbidden.refuse', 'dismissive'],
  ['forbidden.off-platform', 'offplatform'],
  ['pii.ask-secret', 'privacy'],
  ['promise.', 'promise'],
];

/** Signal kind of a compliance finding, or null for findings the coach judges itself. */
export function kindOf(f: Pick<Finding, 'rule' | 'category'>): SignalKind | null {
  const byRule = BY_RULE.find(([prefix]) => f.rule.startsWith(prefix));
  if (byRule) return byRule[1];
  switch (f.category) {
    case 'rude_tone':
      return 'rude';
    case 'forbidden_phrase':
      return 'dismissive';
    case 'unauthorized_promise':
      return 'promise';
    default:
      return null;
  }
}

/** A signal source backed by a compliance checker (default: the default pack with demo knowledge). */
export function complianceSignals(checker?: ComplianceChecker): SignalSource {
  const c =
    checker ??
    createComplianceChecker(defaultPack(), {
      detector: createPiiDetector(),
      knowledge: demoComplianceKnowledge(),
    });
  return {
    name: `compliance:${c.pack.id}@${c.pack.version}`,
    signals(message) {
      const out: Signal[] = [];
      for (const f of c.check(message.source)) {
        const kind = kindOf(f);
        if (kind) out.push({ kind, start: f.start, end: f.end, cue: f.rule });
      }
      for (const s of embeddedSignals.signals(message)) {
        if (s.kind === 'empathy' || s.kind === 'polite' || s.kind === 'abusive') out.push(s);
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
