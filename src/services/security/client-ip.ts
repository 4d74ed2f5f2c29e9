/**
 * @module Who is on the other end of the socket. Each runtime hands the app a different `env`:
 * Node's adapter the IncomingMessage (`env.incoming`), Deno its serve info (`env.remoteAddr`);
 * Workers have neither, and Cloudflare's edge sets `cf-connecting-ip`, which a client cannot
 * forge there. A forwarding header is trusted only from a proxy on the loopback interface (the
 * usual reverse proxy in front of a Node server); loopback without one is the operator's own
 * machine (tests, the bench), reported as `local` so limits can leave it alone.
 */
import type { Context } from 'hono';

export const LOCAL_CLIENT = 'local';

interface NodeEnv {
  incoming?: { socket?: { remoteAddress?: string } };
}
interface DenoEnv {
  remoteAddr?: { hostname?: string };
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

function socketAddress(c: Context): string | undefined {
  const env = (c.env ?? {}) as NodeEnv & DenoEnv;
  return env.incoming?.socket?.remoteAddress ?? env.remoteAddr?.hostname;
}

/** The caller's address, `local` for loopback without a proxy, or undefined when unknowable. */
export function clientIp(c: Context): string | undefined {
  const socket = socketAddress(c);
  if (socket === undefined) return c.req.header('cf-connecting-ip') ?? undefined;
  if (!LOOPBACK.test(socket)) return socket;
  // The proxy appends the address it saw last; earlier entries are whatever the client sent.
  const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
  return forwarded || LOCAL_CLIENT;
}
