import type { TPermission, TRole } from '../../../shared/permissions';
import type { TLocale } from '../../i18n';

export interface TRoleAssignment {
  role: TRole;
  unitId: string | null;
  unitName: string | null;
}

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
