import type { z } from 'zod';
import type { TRole } from '../../../shared/permissions';
import type {
  ZCreateUserRequest,
  ZRoleAssignmentInput,
  ZUpdateUserRequest,
} from '../../../shared/schemas/users';
import type { TLocale } from '../../i18n';

export interface TUserRole {
  role: TRole;
  unitId: string | null;
  unitName: string | null;
}

export interface TUser {
  id: string;
  name: string;
  email: string;
  locale: TLocale;
  active: boolean;
  version: number;
  roles: TUserRole[];
  /** Roles asked for that wait for a second person; they give no access yet. */
  pendingRoles: (TUserRole & { grantId: string })[];
}

// Request bodies are the server's own schemas (their input side, before defaults apply).
export type TRoleInput = z.input<typeof ZRoleAssignmentInput>;
export type TCreateUserInput = z.input<typeof ZCreateUserRequest>;
export type TUpdateUserInput = z.input<typeof ZUpdateUserRequest>;
