import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { TRoleGrant } from '../../../shared/schemas/users';
import { api, type TPage } from '../../api';

export const GRANTS_PAGE_SIZE = 25;
export type TGrantFilter = 'pending' | 'confirmed' | 'refused' | 'all';

export const roleGrantsQuery = (search: { status: TGrantFilter; page: number }) =>
  queryOptions({
    queryKey: ['role-grants', search],
    queryFn: () =>
      api.get<TPage<TRoleGrant>>('/api/v1/role-grants', {
        status: search.status,
        page: search.page,
        pageSize: GRANTS_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });

export function decideRoleGrant(input: { id: string; decision: 'confirm' | 'refuse' }): Promise<TRoleGrant> {
  return api.post<TRoleGrant>(`/api/v1/role-grants/${encodeURIComponent(input.id)}/${input.decision}`);
}
