/** @module Sign-in and widget sessions: turn credentials or a tenant slug into a token. */
import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import { customers, type User, users } from '#src/db/schema/users.ts';
import { AppError } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import { hashPassword, verifyPassword } from '#src/services/auth/passwords.ts';
import type { TokenService } from '#src/services/auth/tokens.ts';

// Verifying against a dummy hash when the email is unknown keeps the timing of both failures alike.
const dummyHash = hashPassword('not-a-real-password');

export async function signIn(deps: { db: Db; tokens: TokenService }, email: string, password: string) {
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  let ok = false;
  if (user) ok = await verifyPassword(password, user.passwordHash);
  else await verifyPassword(password, await dummyHash);
  if (!user || !ok) throw new AppError('unauthorized', 'Email or password is wrong.');
  const issued = await deps.tokens.issue({
    kind: 'staff',
    userId: user.id,
    tenantId: user.tenantId,
    role: user.role,
  });
  return { ...issued, user: publicUser(user) };
}

export function publicUser(u: User) {
  return {
    id: u.id,
    tenantId: u.tenantId,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    locale: u.locale,
  };
}

export async function startWidgetSession(
  deps: { db: Db; tokens: TokenService; clock: Clock; ids: Ids },
  input: { tenant: string; displayName?: string; locale?: 'zh' | 'en' },
) {
  const [tenant] = await deps.db.select().from(tenants).where(eq(tenants.slug, input.tenant));
  if (!tenant) throw new AppError('not_found', `No tenant "${input.tenant}".`);
  const id = deps.ids.next('cus');
  await deps.db.insert(customers).values({
    id,
    tenantId: tenant.id,
    displayName: input.displayName ?? null,
    locale: input.locale ?? null,
    createdAt: deps.clock.now(),
  });
  const issued = await deps.tokens.issue({ kind: 'customer', customerId: id, tenantId: tenant.id });
  return { ...issued, customerId: id, tenantId: tenant.id };
}
