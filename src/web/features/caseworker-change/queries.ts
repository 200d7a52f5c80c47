import { queryOptions } from '@tanstack/react-query';
import type {
  TCaseworkerChange,
  TCaseworkerChangeSummary,
  TConfirmChangeRequest,
  TProposeChangeRequest,
} from '../../../shared/schemas/caseworker-change';
import { api } from '../../api';

export const changesQuery = queryOptions({
  queryKey: ['caseworker-changes'],
  queryFn: () => api.get<{ items: TCaseworkerChangeSummary[] }>('/api/v1/caseworker-changes'),
  select: (d) => d.items,
  staleTime: 0,
});

export const changeQuery = (changeId: string) =>
  queryOptions({
    queryKey: ['caseworker-changes', changeId],
    queryFn: () => api.get<TCaseworkerChange>(`/api/v1/caseworker-changes/${encodeURIComponent(changeId)}`),
    staleTime: 0,
    retry: false,
    // The progress bar: poll while the job runs.
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });

export const changeApi = {
  propose: (body: TProposeChangeRequest) => api.post<TCaseworkerChange>('/api/v1/caseworker-changes', body),
  confirm: (changeId: string, body: TConfirmChangeRequest) =>
    api.post<TCaseworkerChange>(`/api/v1/caseworker-changes/${encodeURIComponent(changeId)}/confirm`, body),
};
