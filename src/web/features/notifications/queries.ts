import { queryOptions } from '@tanstack/react-query';
import type { TCreateNotificationRequest } from '../../../shared/schemas/notifications';
import { api, type TPage } from '../../api';
import type {
  TDeadlineSettings,
  TMatchCandidate,
  TNotificationDetail,
  TOwnNotification,
  TQueueItem,
} from './types';

export type TQueueStatus = 'open' | 'decided' | 'all';
export const STATUSES: TQueueStatus[] = ['open', 'decided', 'all'];

export const queueQuery = (status: TQueueStatus, page: number) =>
  queryOptions({
    queryKey: ['notifications', 'queue', status, page],
    queryFn: () => api.get<TPage<TQueueItem>>('/api/v1/notifications', { status, page, pageSize: 25 }),
  });

export const notificationQuery = (id: string) =>
  queryOptions({
    queryKey: ['notifications', 'detail', id],
    queryFn: () => api.get<TNotificationDetail>(`/api/v1/notifications/${encodeURIComponent(id)}`),
  });

export const matchCandidatesQuery = (id: string, q: string) =>
  queryOptions({
    queryKey: ['notifications', 'candidates', id, q],
    queryFn: () =>
      api.get<{ items: TMatchCandidate[] }>(
        `/api/v1/notifications/${encodeURIComponent(id)}/match-candidates`,
        { q },
      ),
    select: (d) => d.items,
  });

export const ownNotificationsQuery = queryOptions({
  queryKey: ['notifications', 'mine'],
  queryFn: () => api.get<{ items: TOwnNotification[] }>('/api/v1/notifications/mine'),
  select: (d) => d.items,
});

export const deadlineSettingsQuery = queryOptions({
  queryKey: ['deadline-settings'],
  queryFn: () => api.get<TDeadlineSettings>('/api/v1/deadline-settings'),
});

export function createNotification(input: TCreateNotificationRequest) {
  return api.post<{ id: string; reference: string }>('/api/v1/notifications', input);
}

export function matchNotification(id: string, childId: string, version: number) {
  return api.post<{ version: number }>(`/api/v1/notifications/${encodeURIComponent(id)}/match`, {
    childId,
    version,
  });
}

export function assessNotification(
  id: string,
  input: { healthAtRisk: boolean; acuteNeeded: boolean; note?: string; version: number },
) {
  return api.post<{ version: number }>(`/api/v1/notifications/${encodeURIComponent(id)}/assessment`, input);
}

export function decideNotification(id: string, input: { decision: string; note?: string; version: number }) {
  return api.post<{ version: number }>(`/api/v1/notifications/${encodeURIComponent(id)}/decision`, input);
}

export function saveDeadlineSettings(input: Omit<TDeadlineSettings, 'updatedAt'>) {
  return api.put<TDeadlineSettings>('/api/v1/deadline-settings', input);
}
