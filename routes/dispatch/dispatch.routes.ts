/** @module Route specs for dispatch oversight: the tenant's policy, the supervisor wall, the forecast. */
import { createRoute, z } from '@hono/zod-openapi';
import { bearer, ok } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';
import { DispatchSettingsInputSchema, DispatchSettingsSchema } from '#src/services/dispatch/settings.ts';

export const DispatchPolicySchema = DispatchSettingsSchema.openapi('DispatchPolicy');
export const DispatchPolicyInputSchema = DispatchSettingsInputSchema.openapi('DispatchPolicyInput');

const byLevel = z
  .array(z.number().int())
  .length(5)
  .openapi({ description: 'Index 0 = level 1 … 4 = level 5' });

export const WallSkillSchema = z
  .object({
    skill: z.string(),
    skillId: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    waiting: z.number().int(),
    longestWaitSeconds: z.number().int().nullable(),
    arrivalsToday: z.number().int(),
    answeredToday: z.number().int(),
    answeredInTargetToday: z.number().int(),
    serviceLevel: z.number().nullable(),
    abandonedToday: z.number().int(),
    abandonRate: z.number().nullable(),
    agentsOnline: z.number().int(),
    agentsAvailableByLevel: byLevel,
    agentsBusyByLevel: byLevel,
  })
  .openapi('WallSkill');

export const WallAgentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['online', 'away', 'offline']),
    load: z.number().int(),
    maxConcurrent: z.number().int(),
    pool: z.enum(['staff', 'on-demand']),
    skills: z.array(z.object({ skill: z.string(), level: z.number().int(), expired: z.boolean() })),
  })
  .openapi('WallAgent');

export const WallAlertSchema = z
  .object({
    kind: z.enum(['unstaffed', 'sla-risk', 'service-level', 'triage']),
    severity: z.enum(['critical', 'warn']),
    skill: z.string().nullable(),
    message: z.string(),
  })
  .openapi('WallAlert');

export const WallSchema = z
  .object({
    generatedAt: z.number().int(),
    dayStart: z.number().int(),
    serviceLevelSeconds: z.number(),
    serviceLevelTarget: z.number(),
    skills: z.array(WallSkillSchema),
    triage: z.object({ waiting: z.number().int(), longestWaitSeconds: z.number().int().nullable() }),
    agents: z.array(WallAgentSchema),
    totals: z.object({
      online: z.number().int(),
      away: z.number().int(),
      offline: z.number().int(),
      available: z.number().int(),
      busy: z.number().int(),
    }),
    alerts: z.array(WallAlertSchema),
  })
  .openapi('DispatchWall');
export type WallDto = z.infer<typeof WallSchema>;

export const ForecastSchema = z
  .object({
    generatedAt: z.number().int(),
    intervalMinutes: z.number().int(),
    season: z.number().int(),
    historyDays: z.number().int(),
    ahtSeconds: z.number(),
    serviceLevelTarget: z.number(),
    serviceLevelSeconds: z.number(),
    shrinkage: z.number(),
    skills: z.array(
      z.object({
        skill: z.string(),
        skillId: z.string(),
        method: z.enum(['holt-winters', 'seasonal-naive', 'recent-mean']),
        historyIntervals: z.number().int(),
        historyVolume: z.number(),
        mase: z.object({ holtWinters: z.number().nullable(), seasonalNaive: z.number().nullable() }),
        intervals: z.array(
          z.object({
            start: z.number().int(),
            end: z.number().int(),
            volume: z.number(),
            seasonalNaive: z.number().nullable(),
            holtWinters: z.number().nullable(),
            requiredSlots: z.number().int(),
            scheduledSlots: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .openapi('DispatchForecast');

export const getPolicyRoute = createRoute({
  method: 'get',
  path: '/api/v1/dispatch/policy',
  tags: ['Dispatch'],
  summary: "The tenant's dispatch policy (admin, supervisor)",
  security: bearer,
  responses: {
    200: ok(DispatchPolicySchema, 'Policy (defaults if never set)'),
    ...problemResponses(401, 403),
  },
});

export const putPolicyRoute = createRoute({
  method: 'put',
  path: '/api/v1/dispatch/policy',
  tags: ['Dispatch'],
  summary: "Replace the tenant's dispatch policy (admin)",
  description:
    'Omitted fields take their defaults; unknown fields are refused. Overflow skills must be skill keys of the tenant. The live dispatcher is rebuilt with the new policy; pending offers are withdrawn and made again.',
  security: bearer,
  request: {
    body: { required: true, content: { 'application/json': { schema: DispatchPolicyInputSchema } } },
  },
  responses: { 200: ok(DispatchPolicySchema, 'Stored policy'), ...problemResponses(400, 401, 403, 415, 422) },
});

export const wallRoute = createRoute({
  method: 'get',
  path: '/api/v1/dispatch/wall',
  tags: ['Dispatch'],
  summary: 'Supervisor wall: per-skill queues, service level, agents by level, alerts',
  description:
    'Service level = arrivals answered within the target seconds ÷ arrivals today whose outcome is known (still waiting under the target are left out). Realtime: refetch on inbox stream events (`dispatch.*`, `conversation.*`, `agent.presence`, `staffing.*`).',
  security: bearer,
  responses: { 200: ok(WallSchema, 'The wall'), ...problemResponses(401, 403) },
});

export const forecastRoute = createRoute({
  method: 'get',
  path: '/api/v1/dispatch/forecast',
  tags: ['Dispatch'],
  summary: 'Volume forecast and required chat slots per skill per interval, with MASE',
  security: bearer,
  request: {
    query: z.object({ intervals: z.coerce.number().int().min(1).max(96).default(4) }),
  },
  responses: {
    200: ok(ForecastSchema, 'Forecast from the current interval on'),
    ...problemResponses(401, 403, 422),
  },
});
