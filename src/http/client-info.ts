/**
 * @module Who is on the other end of a request, for the audit log: the client address (the
 * platform's header on Workers, the first X-Forwarded-For hop behind a proxy, else the socket
 * the Node adapter hands over) and the user agent.
 */
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';

const MAX_IP = 64;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export function clientInfo(c: Context<AppEnv>): ClientInfo {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
    ?.socket?.remoteAddress;
  const ip = c.req.header('cf-connecting-ip') ?? forwarded ?? c.req.header('x-real-ip') ?? socket ?? null;
  return { ip: ip ? ip.slice(0, MAX_IP) : null, userAgent: c.req.header('user-agent') ?? null };
}
