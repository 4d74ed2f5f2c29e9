/**
 * @module Simulation training cabin: scenario cards per tenant (versioned: an edit is a new row,
 * the newest version is the active one), training sessions (practice with the bot customer, or a
 * live test where a supervisor plays the customer) with the persona engine's resumable state, the
 * transcript, coaching per reply and the rubric, and the per-skill certification requirements.
 */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ScenarioCard } from '#assist/simulator/card.ts';
import type { SessionState } from '#assist/simulator/persona-engine.ts';
import type { RubricResult } from '#assist/simulator/rubric.ts';
import { skills } from './skills.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const CARD_SOURCES = ['seed', 'tau2', 'editor'] as const;
export type CardSource = (typeof CARD_SOURCES)[number];
export const TRAINING_KINDS = ['practice', 'live'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_STATUSES = ['active', 'ended', 'abandoned'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];
/** Who wrote a customer line: the embedded engine, the configured LLM, or a person (live test). */
export const CUSTOMER_VOICES = ['embedded', 'llm', 'person'] as const;
export type CustomerVoice = (typeof CUSTOMER_VOICES)[number];

export const scenarioCards = sqliteTable(
  'scenario_cards',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** The card's own id (`refund-unshipped-zh`, `tau2:airline:7`); unique with the version. */
    cardId: text('card_id').notNull(),
    version: integer('version').notNull(),
    /** Copied out of the card for filtering without parsing JSON. */
    skill: text('skill').notNull(),
    lang: text('lang', { enum: ['zh', 'en'] }).notNull(),
    title: text('title').notNull(),
    card: text('card', { mode: 'json' }).$type<ScenarioCard>().notNull(),
    source: text('source', { enum: CARD_SOURCES }).notNull(),
    /** Only the newest version of a card is active; a retired card has no active row. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('scenario_cards_version_uq').on(t.tenantId, t.cardId, t.version),
    index('scenario_cards_active_idx').on(t.tenantId, t.active, t.skill),
  ],
);

/** One line of a session as the trainee and the supervisor see it. */
export interface TranscriptLine {
  role: 'customer' | 'trainee';
  text: string;
  at: number;
  /** Trainee reply number (1-based) for trainee lines and the customer line answering it. */
  turn: number;
  /** The trainee's idempotency key (trainee lines) or the examiner's (live customer lines). */
  clientTurnId?: string;
  voice?: CustomerVoice;
  /** Why the LLM's line was replaced by the engine's (timeout, leak, broke character …). */
  fallback?: string;
}

/** Coaching shown beside the chat after one reply (a compact view of the engine's TurnReport). */
export interface CoachingNote {
  turn: number;
  stepsCovered: { key: string; title: string }[];
  nextStep: { key: string; title: string } | null;
  findings: { kind: string; severity: 'info' | 'warn' | 'block'; message: string; quote: string }[];
  empathy: number;
  clarity: number;
  clarityNotes: string[];
  accuracy: { correct: number; wrong: string[] };
  outcome: boolean;
  progressed: boolean;
  tips: string[];
}

/** The structured verdict an LLM persona gives at the end (advisory; the rubric decides). */
export interface PersonaVerdict {
  satisfied: boolean;
  summary: string;
}

export const trainingSessions = sqliteTable(
  'training_sessions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    traineeId: text('trainee_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: TRAINING_KINDS }).notNull(),
    /** The supervisor playing the customer in a live test. */
    examinerId: text('examiner_id').references(() => users.id),
    cardId: text('card_id').notNull(),
    cardVersion: integer('card_version').notNull(),
    skill: text('skill').notNull(),
    seed: integer('seed').notNull(),
    /** The persona engine's state (practice) — resumable as is. */
    state: text('state', { mode: 'json' }).$type<SessionState>().notNull(),
    transcript: text('transcript', { mode: 'json' }).$type<TranscriptLine[]>().notNull(),
    coaching: text('coaching', { mode: 'json' }).$type<CoachingNote[]>().notNull(),
    /** Trainee replies so far; writes are conditional on it (two tabs cannot both append turn n). */
    turns: integer('turns').notNull().default(0),
    status: text('status', { enum: TRAINING_STATUSES }).notNull().default('active'),
    endReason: text('end_reason'),
    verdict: text('verdict', { mode: 'json' }).$type<RubricResult>(),
    personaVerdict: text('persona_verdict', { mode: 'json' }).$type<PersonaVerdict>(),
    /** Overall rubric score and pass, copied out of the verdict for the cohort queries. */
    score: real('score'),
    passed: integer('passed', { mode: 'boolean' }),
    /** Live tests: the examiner's decision and note. */
    liveResult: text('live_result', { enum: ['pass', 'fail'] }),
    liveNote: text('live_note'),
    startedAt: integer('started_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [
    index('training_sessions_trainee_idx').on(t.tenantId, t.traineeId, t.status),
    index('training_sessions_card_idx').on(t.tenantId, t.cardId),
  ],
);

/** Per-skill certification rule of a tenant (absent: the product defaults, 3 scenarios ≥ 70). */
export const trainingRequirements = sqliteTable(
  'training_requirements',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    skillId: text('skill_id')
      .notNull()
      .references(() => skills.id),
    scenariosRequired: integer('scenarios_required').notNull(),
    minScore: integer('min_score').notNull(),
    levelGranted: integer('level_granted').notNull(),
    validityDays: integer('validity_days').notNull(),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: text('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.skillId] })],
);

export type ScenarioCardRow = typeof scenarioCards.$inferSelect;
export type TrainingSession = typeof trainingSessions.$inferSelect;
export type TrainingRequirement = typeof trainingRequirements.$inferSelect;
