import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type TPage } from '../../api';
import type { TCreateUserInput, TUpdateUserInput, TUser } from './types';

export const USERS_PAGE_SIZE = 25;

export const usersQuery = (search: { q?: string; page?: number; pageSize?: number }) =>
  queryOptions({
    queryKey: ['users', search],
    queryFn: () =>
      api.get<TPage<TUser>>('/api/v1/users', {
        q: search.q,
        page: search.page ?? 1,
        pageSize: search.pageSize ?? USERS_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });

export function createUser(input: TCreateUserInput): Promise<TUser> {
  return api.post<TUser>('/api/v1/users', input);
}

export function updateUser(id: string, input: TUpdateUserInput): Promise<TUser> {
  return api.patch<TUser>(`/api/v1/users/${encodeURIComponent(id)}`, input);
}
