import type { TLocale } from '../i18n/errors.ts';
import type { TPermission } from '../permissions.ts';
import type { TRoleAssignment } from './user-views.ts';

// The signed-in user as the server describes it: one definition for the server and the web app.

export type { TRoleAssignment };

export interface TMe {
  id: string;
  name: string;
  email: string;
  locale: TLocale;
  municipality: { id: string; name: string };
  roles: TRoleAssignment[];
  permissions: TPermission[];
}

export interface TSessionResponse {
  user: TMe;
  csrfToken: string;
}
