import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type TPage } from '../../api';
import type { TChildListItem, TChildProfile, TChildSearch } from './types';

export const CHILDREN_PAGE_SIZE = 25;

export const childrenQuery = (search: TChildSearch) =>
  queryOptions({
    queryKey: ['children', 'list', search],
    queryFn: () =>
      api.get<TPage<TChildListItem>>('/api/v1/children', {
        q: search.q,
        unitId: search.unitId,
        page: search.page ?? 1,
        pageSize: CHILDREN_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });

export const childQuery = (id: string) =>
  queryOptions({
    queryKey: ['children', 'profile', id],
    queryFn: () => api.get<TChildProfile>(`/api/v1/children/${encodeURIComponent(id)}`),
    retry: false,
  });

export function revealCpr(id: string, reason: string): Promise<{ cpr: string }> {
  return api.post<{ cpr: string }>(`/api/v1/children/${encodeURIComponent(id)}/cpr-reveal`, { reason });
}
