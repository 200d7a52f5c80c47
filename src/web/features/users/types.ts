import type { z } from 'zod';
import type {
  ZCreateUserRequest,
  ZRoleAssignmentInput,
  ZUpdateUserRequest,
} from '../../../shared/schemas/users';

// The user is the server's own type: one definition for both sides.
export type { TRoleAssignment as TUserRole, TUser } from '../../../shared/schemas/user-views';

// Request bodies are the server's own schemas (their input side, before defaults apply).
export type TRoleInput = z.input<typeof ZRoleAssignmentInput>;
export type TCreateUserInput = z.input<typeof ZCreateUserRequest>;
export type TUpdateUserInput = z.input<typeof ZUpdateUserRequest>;
