/** @module Who is calling: a signed-in staff member or a widget customer. */
import { z } from 'zod';
import { ROLES } from '#src/db/schema/users.ts';

export const StaffPrincipalSchema = z.object({
  kind: z.literal('staff'),
  userId: z.string(),
  tenantId: z.string(),
  role: z.enum(ROLES),
});

export const CustomerPrincipalSchema = z.object({
  kind: z.literal('customer'),
  customerId: z.string(),
  tenantId: z.string(),
});

export const PrincipalSchema = z.discriminatedUnion('kind', [StaffPrincipalSchema, CustomerPrincipalSchema]);

export type StaffPrincipal = z.infer<typeof StaffPrincipalSchema>;
export type CustomerPrincipal = z.infer<typeof CustomerPrincipalSchema>;
export type Principal = z.infer<typeof PrincipalSchema>;

/** Roles that may work a conversation (read, reply, claim, resolve). */
export const AGENT_ROLES = ['agent', 'supervisor', 'admin'] as const;
/** Roles that may see every conversation of the tenant. */
export const OVERSIGHT_ROLES = ['supervisor', 'admin', 'qa'] as const;
