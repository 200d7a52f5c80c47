import { queryOptions } from '@tanstack/react-query';
import { api, type TPage } from '../../api';

export interface TAlert {
  id: string;
  kind: string;
  ruleCode: string | null;
  reason: { code: string; params?: Record<string, unknown> };
  childId: string | null;
  childName: string | null;
  /** Names of the factors the reason lists by code. */
  factorLabels?: Record<string, string>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

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

export interface TRule {
  code: 'concernsFromProfessions' | 'moveToRed' | 'persistentRisk' | 'absenceWithNewRisk';
  enabled: boolean;
  params: Record<string, number | boolean | string>;
  version: number;
  updatedAt: string | null;
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
