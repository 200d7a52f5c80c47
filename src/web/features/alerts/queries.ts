import { queryOptions } from '@tanstack/react-query';
import type { TAlert, TStoredRule as TRule } from '../../../shared/schemas/alert-views';
import { api, type TPage } from '../../api';

export type { TAlert, TRule };

export const alertsQuery = (filter: { page: number; unreadOnly: boolean }) =>
  queryOptions({
    queryKey: ['alerts', 'list', filter],
    queryFn: () =>
      api.get<TPage<TAlert> & { unread: number }>('/api/v1/alerts', {
        page: filter.page,
        pageSize: 25,
        unreadOnly: filter.unreadOnly ? 'true' : undefined,
      }),
  });

export const unreadAlertsQuery = queryOptions({
  queryKey: ['alerts', 'unread'],
  queryFn: () => api.get<{ unread: number }>('/api/v1/alerts/unread-count'),
  select: (data) => data.unread,
  staleTime: 60_000,
});

export function markAlertRead(id: string): Promise<{ id: string; readAt: string }> {
  return api.post(`/api/v1/alerts/${encodeURIComponent(id)}/read`);
}

export const rulesQuery = queryOptions({
  queryKey: ['early-warning-rules'],
  queryFn: () => api.get<{ items: TRule[] }>('/api/v1/early-warning-rules'),
  select: (data) => data.items,
});

export function saveRule(
  code: TRule['code'],
  input: Pick<TRule, 'enabled' | 'params' | 'version'>,
): Promise<TRule> {
  return api.put<TRule>(`/api/v1/early-warning-rules/${code}`, input);
}
