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

/** A role grant's life: asked for, then confirmed or refused by a second person (never the one who asked). */
export const GRANT_STATUSES = ['pending', 'confirmed', 'refused'] as const;
export type TGrantStatus = (typeof GRANT_STATUSES)[number];

export const ZFindRoleGrantsQuery = ZPaging.extend({
  status: z.enum([...GRANT_STATUSES, 'all']).default('all'),
}).strict();
export type TFindRoleGrantsQuery = z.infer<typeof ZFindRoleGrantsQuery>;

interface TPersonRef {
  id: string;
  name: string;
}

/** One grant on the review list. */
export interface TRoleGrant {
  id: string;
  role: (typeof ROLES)[number];
  status: TGrantStatus;
  user: TPersonRef;
  unit: TPersonRef | null;
  requestedBy: TPersonRef;
  requestedAt: string;
  decidedBy: TPersonRef | null;
  decidedAt: string | null;
  /** Whether the one asking may confirm or refuse it (not their own request, not a grant to themselves). */
  canDecide: boolean;
}
