import { z } from 'zod';
import { ROLES } from '../permissions.ts';
import { ZId, ZLocale, ZPaging, ZText, ZVersion } from './common.ts';

export const ZRoleAssignmentInput = z.strictObject({
  role: z.enum(ROLES),
  unitId: ZId.nullable().optional(),
});

/** Roles whose data access follows the unit they are assigned to. */
export const UNIT_SCOPED_ROLES = ['professional', 'unitLeader', 'partner'] as const;

export type TRoleAssignmentInput = z.infer<typeof ZRoleAssignmentInput>;

export const ZFindUsersQuery = ZPaging.extend({ q: z.string().trim().max(100).optional() }).strict();
export type TFindUsersQuery = z.infer<typeof ZFindUsersQuery>;

export const ZCreateUserRequest = z.strictObject({
  name: ZText(120),
  email: z.email().max(254),
  password: z.string().min(12).max(200),
  locale: ZLocale.default('da'),
  roles: z.array(ZRoleAssignmentInput).max(20).default([]),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.strictObject({
  version: ZVersion,
  name: ZText(120).optional(),
  active: z.boolean().optional(),
  locale: ZLocale.optional(),
  roles: z.array(ZRoleAssignmentInput).max(20).optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;
