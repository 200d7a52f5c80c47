// The signed-in user is the server's own type: one definition for both sides.
export type { TMe, TRoleAssignment, TSessionResponse } from '../../../shared/schemas/auth-views';
