/** @module Route specs for the simulation training cabin: cards, sessions, live tests, progress, cohort. */
import { createRoute, z } from '@hono/zod-openapi';
import { createSelectSchema } from 'drizzle-zod';
import {
  CARD_SOURCES,
  CUSTOMER_VOICES,
  scenarioCards,
  TRAINING_KINDS,
  TRAINING_STATUSES,
} from '#src/db/schema/training.ts';
import { bearer, body } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';

const tags = ['Training'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A scenario card as stored (the shape of assist/simulator/card.ts ScenarioCardSchema). */
const CardJson = z.record(z.string(), z.unknown()).openapi('ScenarioCard', {
  description:
    'Scenario card: id, version, title, sop, skill, lang, persona, goal, knownFacts, hiddenFacts, mustNotAccept, factCues, kbFacts, success, difficulty, tags.',
});
const Loose = z.record(z.string(), z.unknown());

export const CardRowSchema = createSelectSchema(scenarioCards, { card: CardJson })
  .omit({ tenantId: true })
  .openapi('ScenarioCardVersion');
export const CardListItemSchema = CardRowSchema.omit({ card: true })
  .extend({
    sop: z.string(),
    difficulty: z.number().int(),
    temperament: z.string(),
  })
  .openapi('ScenarioCardSummary');

const Id = (name: string) =>
  z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name, in: 'path' } });
const SessionParam = z.object({ id: Id('id') });
const CardParam = z.object({ cardId: Id('cardId') });

const Text = z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');
const ClientId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

const CardSummarySchema = z
  .object({
    cardId: z.string(),
    version: z.number().int(),
    title: z.string(),
    skill: z.string(),
    sop: z.string(),
    lang: z.enum(['zh', 'en']),
    difficulty: z.number().int(),
    temperament: z.string(),
    customerName: z.string().nullable(),
  })
  .openapi('TrainingCardSummary');

const MoodSchema = z.object({ value: z.number(), band: z.enum(['calm', 'tense', 'upset', 'furious']) });

export const CoachingSchema = z
  .object({
    turn: z.number().int(),
    stepsCovered: z.array(z.object({ key: z.string(), title: z.string() })),
    nextStep: z.object({ key: z.string(), title: z.string() }).nullable(),
    findings: z.array(
      z.object({
        kind: z.string(),
        severity: z.enum(['info', 'warn', 'block']),
        message: z.string(),
        quote: z.string(),
      }),
    ),
    empathy: z.number(),
    clarity: z.number(),
    clarityNotes: z.array(z.string()),
    accuracy: z.object({ correct: z.number().int(), wrong: z.array(z.string()) }),
    outcome: z.boolean(),
    progressed: z.boolean(),
    tips: z.array(z.string()),
  })
  .openapi('TrainingCoaching');

const VerdictSchema = Loose.openapi('TrainingVerdict', {
  description:
    'Rubric (assist/simulator/rubric.ts): passed, overall, passMark, scores per dimension, weak, evidence quotes, criteria, failures, endReason, replay with annotations.',
});

const GrantedSchema = z.object({
  skill: z.string(),
  level: z.number().int(),
  certifiedAt: z.number().int(),
  expiresAt: z.number().int(),
});

export const SessionSummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(TRAINING_KINDS),
    traineeId: z.string(),
    examinerId: z.string().nullable(),
    cardId: z.string(),
    cardVersion: z.number().int(),
    skill: z.string(),
    status: z.enum(TRAINING_STATUSES),
    endReason: z.string().nullable(),
    turns: z.number().int(),
    score: z.number().nullable(),
    passed: z.boolean().nullable(),
    liveResult: z.enum(['pass', 'fail']).nullable(),
    startedAt: z.number().int(),
    updatedAt: z.number().int(),
    endedAt: z.number().int().nullable(),
  })
  .openapi('TrainingSessionSummary');

const TranscriptLineSchema = z.object({
  role: z.enum(['customer', 'trainee']),
  text: z.string(),
  at: z.number().int(),
  turn: z.number().int(),
  clientTurnId: z.string().optional(),
  voice: z.enum(CUSTOMER_VOICES).optional(),
  fallback: z.string().optional(),
});

export const SessionSchema = SessionSummarySchema.extend({
  card: CardSummarySchema,
  traineeName: z.string(),
  transcript: z.array(TranscriptLineSchema),
  coaching: z.array(CoachingSchema).nullable(),
  mood: MoodSchema,
  checklist: z
    .array(
      z.object({ key: z.string(), title: z.string(), done: z.boolean(), turn: z.number().int().nullable() }),
    )
    .nullable(),
  verdict: VerdictSchema.nullable(),
  personaVerdict: z.object({ satisfied: z.boolean(), summary: z.string() }).nullable(),
  liveNote: z.string().nullable(),
}).openapi('TrainingSession');

export const TurnResultSchema = z
  .object({
    turn: z.number().int(),
    customerText: z.string().nullable(),
    coaching: CoachingSchema.nullable(),
    mood: MoodSchema,
    ended: z.boolean(),
    endReason: z.string().nullable(),
    verdict: VerdictSchema.nullable(),
    voice: z.enum(CUSTOMER_VOICES).nullable(),
    fallback: z.string().nullable(),
    certified: z.array(GrantedSchema),
  })
  .openapi('TrainingTurnResult');

// ── Cards ───────────────────────────────────────────────────────────────────────────────────

export const listCardsRoute = createRoute({
  method: 'get',
  path: '/api/v1/training/cards',
  tags,
  summary: 'Active scenario cards of the tenant (newest version of each)',
  security: bearer,
  request: {
    query: z.object({
      skill: z.string().max(64).optional(),
      lang: z.enum(['zh', 'en']).optional(),
      source: z.enum(CARD_SOURCES).optional(),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(CardListItemSchema) }), 'Cards'),
    ...problemResponses(401, 403, 422),
  },
});

export const getCardRoute = createRoute({
  method: 'get',
  path: '/api/v1/training/cards/{cardId}',
  tags,
  summary: 'One card (newest version unless ?version=) with its versions (supervisors, admins, QA)',
  description:
    'The full card includes the hidden facts and reveal conditions, so learners (trainees, agents) only get the list view.',
  security: bearer,
  request: { params: CardParam, query: z.object({ version: z.coerce.number().int().min(1).optional() }) },
  responses: {
    200: json(
      CardRowSchema.extend({
        versions: z.array(
          z.object({
            version: z.number().int(),
            createdAt: z.number().int(),
            createdBy: z.string().nullable(),
            active: z.boolean(),
          }),
        ),
      }),
      'Card',
    ),
    ...problemResponses(401, 403, 404, 422),
  },
});

const CardWriteSchema = z
  .object({ card: CardJson, active: z.boolean().optional() })
  .openapi('ScenarioCardWrite');

export const createCardRoute = createRoute({
  method: 'post',
  path: '/api/v1/training/cards',
  tags,
  summary: 'Create a scenario card (supervisor); contradictory criteria are refused with field paths',
  security: bearer,
  request: body(CardWriteSchema.omit({ active: true })),
  responses: {
    201: json(CardRowSchema, 'Created (version 1)'),
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

export const updateCardRoute = createRoute({
  method: 'put',
  path: '/api/v1/training/cards/{cardId}',
  tags,
  summary: 'Save an edit as a new version (supervisor); active:false retires the card',
  security: bearer,
  request: { params: CardParam, ...body(CardWriteSchema) },
  responses: {
    200: json(CardRowSchema, 'The new version'),
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

// ── Sessions ────────────────────────────────────────────────────────────────────────────────

export const startSessionRoute = createRoute({
  method: 'post',
  path: '/api/v1/training/sessions',
  tags,
  summary: 'Start a practice session with the bot customer',
  description:
    'Without cardId the personalised path picks the card from the trainee’s weakest dimensions and skills not yet certified. Any other active practice session of the trainee is abandoned.',
  security: bearer,
  request: body(
    z.object({ cardId: z.string().min(1).max(120).optional(), lang: z.enum(['zh', 'en']).optional() }),
  ),
  responses: {
    201: json(
      z.object({
        id: z.string(),
        opening: z.string(),
        card: CardSummarySchema,
        reasons: z.array(z.string()),
        targets: z.array(z.string()),
      }),
      'Started',
    ),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const listSessionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/training/sessions',
  tags,
  summary: 'Training sessions visible to the caller (own, examined, or all for supervisors)',
  security: bearer,
  request: {
    query: z.object({
      status: z.enum(TRAINING_STATUSES).optional(),
      kind: z.enum(TRAINING_KINDS).optional(),
      traineeId: z.string().max(100).optional(),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(SessionSummarySchema) }), 'Sessions'),
    ...problemResponses(401, 403, 422),
  },
});

export const getSessionRoute = createRoute({
  method: 'get',
  path: '/api/v1/training/sessions/{id}',
  tags,
  summary: 'A session as it stands: transcript, coaching, mood, checklist, verdict (resume here)',
  security: bearer,
  request: { params: SessionParam },
  responses: { 200: json(SessionSchema, 'Session'), ...problemResponses(401, 403, 404, 422) },
});

export const turnRoute = createRoute({
  method: 'post',
  path: '/api/v1/training/sessions/{id}/turns',
  tags,
  summary: 'The trainee replies; the customer answers with coaching (idempotent on clientTurnId)',
  security: bearer,
  request: {
    params: SessionParam,
    ...body(z.object({ text: Text, clientTurnId: ClientId }).openapi('TrainingTurn')),
  },
  responses: {
    200: json(TurnResultSchema, 'The customer’s answer and the coaching of this reply'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const finishRoute = createRoute({
  method: 'post',
  path: '/api/v1/training/sessions/{id}/finish',
  tags,
  summary: 'End a practice session now and score it',
  security: bearer,
  request: { params: SessionParam },
  responses: {
    200: json(z.object({ verdict: VerdictSchema, certified: z.array(GrantedSchema) }), 'Scored'),
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

// ── Live tests ──────────────────────────────────────────────────────────────────────────────

export const startLiveRoute = createRoute({
  method: 'post',
  path: '/api/v1/training/live-tests',
  tags,
  summary: 'Start a live test: the supervisor plays the customer of a card for a trainee',
  security: bearer,
  request: body(z.object({ traineeId: z.string().min(1).max(100), cardId: z.string().min(1).max(120) })),
  responses: { 201: json(SessionSchema, 'Started'), ...problemResponses(400, 401, 403, 404, 413, 415, 422) },
});

export const customerLineRoute = createRoute({
  method: 'post',
  path: '/api/v1/training/sessions/{id}/customer',
  tags,
  summary: 'Live test: the examiner says something as the customer (idempotent on clientTurnId)',
  security: bearer,
  request: { params: SessionParam, ...body(z.object({ text: Text, clientTurnId: ClientId })) },
  responses: {
    200: json(z.object({ seq: z.number().int() }), 'Recorded'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const liveResultRoute = createRoute({
  method: 'post',
  path: '/api/v1/training/sessions/{id}/live-result',
  tags,
  summary: 'Live test: record pass or fail with a note (may complete a certification)',
  security: bearer,
  request: {
    params: SessionParam,
    ...body(z.object({ passed: z.boolean(), note: z.string().trim().max(2000).default('') })),
  },
  responses: {
    200: json(z.object({ session: SessionSchema, certified: z.array(GrantedSchema) }), 'Recorded'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

// ── Progress, cohort, requirements ─────────────────────────────────────────────────────────

export const progressRoute = createRoute({
  method: 'get',
  path: '/api/v1/training/progress',
  tags,
  summary: 'A trainee’s progress per skill and dimension over time, and the next scenario',
  security: bearer,
  request: { query: z.object({ userId: z.string().max(100).optional() }) },
  responses: {
    200: json(Loose.openapi('TrainingProgress'), 'Progress'),
    ...problemResponses(401, 403, 404, 422),
  },
});

export const cohortRoute = createRoute({
  method: 'get',
  path: '/api/v1/training/cohort',
  tags,
  summary: 'Cohort view: time to certification, pass rates per scenario, where trainees struggle',
  security: bearer,
  responses: { 200: json(Loose.openapi('TrainingCohort'), 'Cohort'), ...problemResponses(401, 403) },
});

const RequirementSchema = z
  .object({
    skillId: z.string(),
    skill: z.string(),
    name: z.object({ zh: z.string(), en: z.string() }),
    scenariosRequired: z.number().int(),
    minScore: z.number().int(),
    levelGranted: z.number().int(),
    validityDays: z.number().int(),
    custom: z.boolean(),
  })
  .openapi('TrainingRequirement');

export const listRequirementsRoute = createRoute({
  method: 'get',
  path: '/api/v1/training/requirements',
  tags,
  summary: 'Certification rule per skill (scenarios to pass, score, level granted, validity)',
  security: bearer,
  responses: {
    200: json(z.object({ items: z.array(RequirementSchema) }), 'Requirements'),
    ...problemResponses(401, 403),
  },
});

export const setRequirementRoute = createRoute({
  method: 'put',
  path: '/api/v1/training/requirements/{skill}',
  tags,
  summary: 'Set the certification rule of a skill (supervisor, admin)',
  security: bearer,
  request: {
    params: z.object({ skill: Id('skill') }),
    ...body(
      z.object({
        scenariosRequired: z.number().int().min(1).max(50),
        minScore: z.number().int().min(0).max(100),
        levelGranted: z.number().int().min(1).max(5),
        validityDays: z.number().int().min(1).max(3650),
      }),
    ),
  },
  responses: {
    200: json(RequirementSchema, 'Saved'),
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
});
