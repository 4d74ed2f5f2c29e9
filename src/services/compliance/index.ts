/**
 * @module The compliance service the app wires once: tenant rule packs (versioned, cached as
 * compiled checkers), the realtime check with its conversation context and optional LLM second
 * pass, the send gate the conversation service calls before storing a message (enforcing
 * block-level findings for staff, feeding complaint risk from every message), supervisor
 * overrides and the risk views.
 */
import { isBlocked } from '#assist/compliance/engine.ts';
import { buildView, dominantLang } from '#assist/compliance/text-view.ts';
import type { Finding } from '#assist/compliance/types.ts';
import type { Assist } from '#assist/index.ts';
import type { Principal, StaffPrincipal } from '#src/core/auth/principal.ts';
import { canRead, canWrite } from '#src/core/conversations/access.ts';
import type { Db } from '#src/db/client.ts';
import type { RiskLevel } from '#src/db/schema/compliance.ts';
import { AppError } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { Logger } from '#src/ports/logger.ts';
import type { EventBus } from '#src/realtime/bus.ts';
import { createCheckContextCache } from './check-context.ts';
import { createCheckerCache, type DetectorSource } from './checkers.ts';
import { createContextLoader } from './conversation-context.ts';
import { loadConversation, type SendFacts } from './conversation-facts.ts';
import { createSendGate } from './gate.ts';
import { borderlineOf, isBorderline, type JudgeReport, judgeDraft } from './judge.ts';
import { type AuditSink, createOverrides } from './overrides.ts';
import { createRiskTracker } from './risk.ts';
import { createRulePackStore } from './rule-packs.ts';

export interface ComplianceServiceDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  events: EventBus;
  logger: Logger;
  assist: Assist;
  audit: AuditSink;
  /** Keys the override text hash. */
  hashKey: string;
  /** Masks free text (override reasons) before it is stored. */
  redact: (tenantId: string, text: string) => Promise<string>;
  /** Tenant PII detectors (built-in only when absent). */
  detectors?: DetectorSource;
  /** Budget for the LLM second pass in a realtime check. */
  judgeTimeoutMs?: number;
}

export interface CheckInput {
  text: string;
  conversationId?: string;
  /** Ask the LLM judge about borderline drafts (when one is configured). Default true. */
  judge?: boolean;
}

export interface CheckResult {
  findings: Finding[];
  blocked: boolean;
  /** The conversation's complaint risk (0–1), when a conversation was named and has one. */
  riskScore?: number;
  riskLevel?: RiskLevel;
  /** The SOP and step the draft was checked against, when known. */
  context: { sop: string | null; step: string | null };
  packVersion: number;
  judge: JudgeReport;
}

const DEFAULT_JUDGE_TIMEOUT_MS = 2_500;

export function createComplianceService(deps: ComplianceServiceDeps) {
  const { db, clock } = deps;
  const store = createRulePackStore(deps);
  const checkers = createCheckerCache({
    db,
    clock,
    store,
    ...(deps.detectors && { detectors: deps.detectors }),
  });
  const contexts = createContextLoader(deps);
  const risk = createRiskTracker(deps);
  const overrides = createOverrides(deps);
  const judgeTimeoutMs = deps.judgeTimeoutMs ?? DEFAULT_JUDGE_TIMEOUT_MS;
  const llmReady = () => deps.assist.llm?.isConfigured('compliance') ?? false;

  /** A conversation the caller may read (404 otherwise, also across tenants). */
  async function readable(p: StaffPrincipal, conversationId: string) {
    const conv = await loadConversation(db, p.tenantId, conversationId);
    if (!conv || !canRead(p, conv)) throw new AppError('not_found', 'No such conversation.');
    return conv;
  }

  const checkInputs = createCheckContextCache({ contexts, risk });
  /** The send gate reads the same memoised context the checks while typing filled. */
  async function contextOf(conv: SendFacts) {
    const facts = await loadConversation(db, conv.tenantId, conv.id);
    return facts ? (await checkInputs.get(facts)).draft : contexts.load(conv);
  }
  const gate = createSendGate({ db, logger: deps.logger, checkers, contextOf, risk, overrides });

  return {
    rulePacks: {
      active: (tenantId: string) => store.active(tenantId),
      versions: (tenantId: string, limit: number) => store.versions(tenantId, limit),
      version: (tenantId: string, version: number) => store.version(tenantId, version),
      /** Saves a new active version and drops the compiled checker so the next check uses it. */
      async save(p: StaffPrincipal, input: unknown, expectedVersion?: number) {
        const saved = await store.save(p.tenantId, input, p.userId, expectedVersion);
        checkers.invalidate(p.tenantId);
        await deps.audit.record({
          tenantId: p.tenantId,
          actor: { id: p.userId, role: p.role },
          action: 'compliance.rule_pack.saved',
          target: { type: 'compliance_rule_pack', id: String(saved.version) },
          detail: { version: saved.version, rules: saved.pack.rules.length },
        });
        return saved;
      },
    },

    /** The realtime check of a draft. */
    async check(p: StaffPrincipal, input: CheckInput): Promise<CheckResult> {
      const conv = input.conversationId ? await readable(p, input.conversationId) : null;
      const [tc, inputs] = await Promise.all([
        checkers.get(p.tenantId),
        conv ? checkInputs.get(conv) : Promise.resolve(null),
      ]);
      const ctx = inputs?.draft ?? null;
      const stored = inputs?.risk ?? null;
      const context = ctx?.context ?? {};
      let findings = tc.checker.check(input.text, context);
      let judge: JudgeReport = {
        outcome: 'not-needed',
        provider: null,
        model: null,
        latencyMs: 0,
        confirmed: [],
        cleared: [],
        added: 0,
        complaintRisk: null,
      };
      if (input.judge !== false && llmReady()) {
        const grey = tc.grey?.check(input.text, context) ?? [];
        const judged = await judgeDraft(deps.assist, {
          draft: input.text,
          lang: context.locale ?? dominantLang(buildView(input.text)),
          findings,
          grey,
          pack: tc.pack,
          transcript: ctx?.transcript ?? [],
          timeoutMs: judgeTimeoutMs,
        });
        findings = judged.findings;
        judge = judged.report;
      } else if (isBorderline(borderlineOf(findings, []))) {
        judge = { ...judge, outcome: 'fallback', reason: 'not-configured' };
      }
      return {
        findings,
        blocked: isBlocked(findings),
        ...(stored && { riskScore: stored.score, riskLevel: stored.level }),
        context: { sop: context.sop ?? null, step: context.step ?? null },
        packVersion: tc.version,
        judge,
      };
    },

    /** The conversation service's hook, called before a message is stored (see gate.ts). */
    beforeMessage: (
      conv: SendFacts,
      p: Principal,
      input: { text: string; clientMessageId: string; overrideId?: string },
    ) => gate.beforeMessage(conv, p, input),

    overrides: {
      /** An agent (the assignee) asks, or a supervisor/admin issues, an override for `text`. */
      async request(p: StaffPrincipal, conversationId: string, text: string, reason: string) {
        const conv = await readable(p, conversationId);
        const oversight = p.role === 'supervisor' || p.role === 'admin';
        if (!oversight && !canWrite(p, conv)) {
          throw new AppError('forbidden', 'Only the assigned agent or a supervisor may ask for an override.');
        }
        const [tc, ctx] = await Promise.all([checkers.get(p.tenantId), contexts.load(conv)]);
        const findings = tc.checker.check(text, ctx.context);
        return overrides.request(p, conv, text, reason, findings);
      },
      async approve(p: StaffPrincipal, conversationId: string, overrideId: string) {
        return overrides.approve(p, await readable(p, conversationId), overrideId);
      },
      async list(p: StaffPrincipal, conversationId: string) {
        const conv = await readable(p, conversationId);
        return overrides.list(conv.tenantId, conv.id);
      },
      /** Agents' requests waiting for a supervisor, across the tenant. */
      pending: (p: StaffPrincipal, limit: number) => overrides.pending(p.tenantId, limit),
    },

    risk: {
      async get(p: StaffPrincipal, conversationId: string) {
        const conv = await readable(p, conversationId);
        return risk.get(conv.tenantId, conv.id);
      },
      list: (p: StaffPrincipal, minScore: number, limit: number) => risk.list(p.tenantId, minScore, limit),
    },
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
export type { SendFacts } from './conversation-facts.ts';
