import type { TRole } from '../../../shared/permissions';
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
}

export interface TRoleInput {
  role: TRole;
  unitId?: string;
}

export interface TCreateUserInput {
  name: string;
  email: string;
  password: string;
  locale: TLocale;
  roles: TRoleInput[];
}

export interface TUpdateUserInput {
  version: number;
  name?: string;
  active?: boolean;
  locale?: TLocale;
  roles?: TRoleInput[];
}
