/** @module Dispatcher inputs, policy and decisions (the pure core's vocabulary). */
import { z } from 'zod';

export const STRATEGIES = ['longest-idle', 'most-proficient', 'least-occupied'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const PRESENCES = ['online', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

/** Tenant-configurable routing policy. Times are in seconds. */
export const DispatchPolicySchema = z.object({
  strategy: z.enum(STRATEGIES).default('longest-idle'),
  /** Δ: the required level drops one step every Δ seconds while a task waits. */
  widenEverySeconds: z.number().positive().default(30),
  /** The lowest level widening may reach before overflow skills are tried. */
  levelFloor: z.number().int().min(1).max(5).default(1),
  /** skill → skills whose holders may take its tasks once the level floor is reached. */
  overflowSkills: z.record(z.string(), z.array(z.string())).default({}),
  /** Whether a task finally widens to any online agent (after the overflow stage). */
  widenToAnyAgent: z.boolean().default(true),
  /** An offer not accepted within this time is withdrawn and the task re-offered elsewhere. */
  offerTimeoutSeconds: z.number().positive().default(20),
  /** Waiting longer than this raises the task's priority by one (SLA risk). */
  slaRiskSeconds: z.number().positive().default(60),
});
export type DispatchPolicy = z.infer<typeof DispatchPolicySchema>;

export interface Certification {
  skill: string;
  level: number;
  /** Epoch ms; null = no expiry. */
  expiresAt: number | null;
}

export interface AgentInput {
  id: string;
  presence: Presence;
  maxConcurrent: number;
  certifications: Certification[];
  pool?: 'staff' | 'on-demand';
}

export interface TaskInput {
  id: string;
  skill: string;
  /** Minimum proficiency 1–5 from the SOP. */
  requiredLevel: number;
  /** Higher first (e.g. VIP 10, normal 0). */
  priority: number;
  /** Epoch ms when the customer started waiting; requeued tasks keep it so they stay ahead. */
  enqueuedAt: number;
}

/** Where in its widening a task is: 0 = as requested. */
export interface WideningStage {
  index: number;
  level: number;
  overflow: boolean;
  any: boolean;
}

export type Decision =
  | { type: 'offered'; taskId: string; agentId: string; at: number; stage: number; level: number | null }
  | { type: 'accepted'; taskId: string; agentId: string; at: number }
  | { type: 'offer-expired'; taskId: string; agentId: string; at: number; reason: 'timeout' | 'declined' }
  | { type: 'widened'; taskId: string; at: number; stage: WideningStage; skills: string[] }
  | { type: 'sla-risk'; taskId: string; at: number; priority: number }
  | { type: 'requeued'; taskId: string; agentId: string; at: number; reason: 'agent-offline' | 'transfer' }
  | { type: 'released'; taskId: string; agentId: string; at: number };

export interface SkillStats {
  skill: string;
  waiting: number;
  oldestEnqueuedAt: number | null;
  agentsAvailableByLevel: number[];
  agentsBusyByLevel: number[];
}
