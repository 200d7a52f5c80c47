import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TPermission } from '../../../shared/permissions';
import { ApiError, api, setCsrfToken } from '../../api';
import { cookieLocale, i18n } from '../../i18n';
import type { TMe, TSessionResponse } from './types';

export const meKey = ['auth', 'me'] as const;

function adopt(session: TSessionResponse): TMe {
  setCsrfToken(session.csrfToken);
  // The server prefers the cookie over the saved locale; the UI follows the same order.
  const locale = cookieLocale() ?? session.user.locale;
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  return session.user;
}

/** The signed-in user, or null when there is no session. */
export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async (): Promise<TMe | null> => {
    try {
      return adopt(await api.get<TSessionResponse>('/api/v1/auth/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export function useMe(): TMe | null {
  return useQuery(meQuery).data ?? null;
}

export async function login(email: string, password: string): Promise<TMe> {
  return adopt(await api.post<TSessionResponse>('/api/v1/auth/login', { email, password }));
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/v1/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export function can(me: TMe | null, permission: TPermission): boolean {
  return me?.permissions.includes(permission) ?? false;
}
