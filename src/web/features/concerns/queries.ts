import { queryOptions } from '@tanstack/react-query';
import { api, type TPage } from '../../api';
import type { TConcern, TCreateConcernInput, TGuideSign } from './types';

export const handleguideQuery = queryOptions({
  queryKey: ['handleguide'],
  queryFn: () => api.get<{ signs: TGuideSign[] }>('/api/v1/handleguide'),
  select: (data) => data.signs,
});

export const childConcernsQuery = (childId: string) =>
  queryOptions({
    queryKey: ['concerns', 'child', childId],
    queryFn: () => api.get<{ items: TConcern[] }>(`/api/v1/children/${encodeURIComponent(childId)}/concerns`),
    select: (data) => data.items,
  });

export interface TConcernFilter {
  page: number;
  level?: number;
  anonymous?: 'true' | 'false';
}

export const concernsQuery = (filter: TConcernFilter) =>
  queryOptions({
    queryKey: ['concerns', 'list', filter],
    queryFn: () => api.get<TPage<TConcern>>('/api/v1/concerns', { pageSize: 25, ...filter }),
  });

export function createConcern(input: TCreateConcernInput): Promise<TConcern> {
  return api.post<TConcern>('/api/v1/concerns', input);
}
