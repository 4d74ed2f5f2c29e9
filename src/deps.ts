/**
 * @module The dependencies `createApp` takes. Every runtime builds these and hands them in;
 * nothing in the app reaches for a global.
 */
import type { Assist } from '#assist/index.ts';
import type { Db } from './db/client.ts';
import type { Clock } from './ports/clock.ts';
import type { Ids } from './ports/ids.ts';
import type { Logger } from './ports/logger.ts';
import type { EventBus } from './realtime/bus.ts';
import type { DispatchPort } from './services/dispatch/port.ts';
import type { RecordingStore } from './services/interviews/recording-port.ts';
import type { VaultKeyring } from './services/pii/keyring.ts';
import type { EvalExecutor } from './services/qa/run-executor.ts';

export interface AppConfig {
  /** Largest accepted request body in bytes (413 above it). */
  bodyLimit: number;
  /** Session lifetime in seconds. */
  tokenTtlSeconds: number;
  /** Mark session cookies `Secure` (on when served over https). */
  secureCookies: boolean;
  /** How often an idle SSE stream sends a keep-alive comment, in ms. */
  sseKeepAliveMs: number;
}

export interface Deps {
  db: Db;
  clock: Clock;
  ids: Ids;
  events: EventBus;
  logger: Logger;
  /** The AI assist layer: LLM provider (or embedded only), PII boundary, prompts, fallback. */
  assist: Assist;
  /**
   * Live dispatch (Node/Deno: the in-process adapter). Absent: the queue-only adapter, where
   * conversations wait unrouted and agents claim them (Workers, until its Durable Object adapter).
   */
  dispatch?: DispatchPort;
  /** Interview recordings (Node/Deno: files under the data folder). Absent: kept in memory. */
  recordings?: RecordingStore;
  /**
   * Key material derived from the master key by the runtime: the session-token signing key and
   * the PII vault keyring (checked against the database before the app starts).
   */
  secrets: { tokenKey: string; vault: VaultKeyring };
  /**
   * Runs eval suites for the QA workspace (Node/Deno: in-process). Absent on Workers, where the
   * workspace reads stored runs and golden cases but answers starting a run with a 501.
   */
  evalExecutor?: EvalExecutor;
  config: AppConfig;
}

export const defaultAppConfig: AppConfig = {
  bodyLimit: 64 * 1024,
  tokenTtlSeconds: 12 * 3600,
  secureCookies: false,
  sseKeepAliveMs: 15_000,
};
