import { z } from 'zod';
import { ROLES } from '../permissions.ts';
import { ZId, ZLocale } from './common.ts';

// The answers of the users endpoints: one definition for the server that builds them and the web app that
// reads them.

/** A role a user holds, in a unit for the roles scoped to one. */
export const ZRoleAssignment = z.strictObject({
  role: z.enum(ROLES),
  unitId: ZId.nullable(),
  unitName: z.string().nullable(),
});
export type TRoleAssignment = z.infer<typeof ZRoleAssignment>;

/** A user as the admin sees it (and as the audit log records it before and after a change). */
export const ZUser = z.strictObject({
  id: ZId,
  name: z.string(),
  email: z.string(),
  locale: ZLocale,
  active: z.boolean(),
  version: z.number().int().min(1),
  /** The roles in force. */
  roles: z.array(ZRoleAssignment),
  /** Roles asked for that wait for a second person; they give no access yet. */
  pendingRoles: z.array(ZRoleAssignment.extend({ grantId: ZId })),
});
export type TUser = z.infer<typeof ZUser>;
