import { queryOptions } from '@tanstack/react-query';
import type {
  TAddMeasureRequest,
  TCase,
  TCaseDeadlines,
  TCaseSummary,
  TCaseTeam,
  TChildConversationRequest,
  TCloseCaseRequest,
  TCompleteAssessmentRequest,
  TOpenCaseRequest,
  TPreliminaryAssessmentRequest,
  TSavePlanRequest,
} from '../../../shared/schemas/cases';
import type { TCatalogue } from '../../../shared/schemas/factor-catalogue';
import type { TQueueItem } from '../../../shared/schemas/notifications';
import { api, type TPage } from '../../api';

const id = (value: string) => encodeURIComponent(value);

export const casesQuery = (params: {
  page: number;
  status?: string;
  overdue?: 'true';
  caseworkerId?: string;
  childId?: string;
}) =>
  queryOptions({
    queryKey: ['cases', 'list', params],
    queryFn: () => api.get<TPage<TCaseSummary>>('/api/v1/cases', params),
    staleTime: 0,
  });

/** Notifications decided towards a case, with the child matched: what a case is opened from. */
export const openableNotificationsQuery = queryOptions({
  queryKey: ['notifications', 'openable'],
  queryFn: () => api.get<TPage<TQueueItem>>('/api/v1/notifications', { status: 'decided', pageSize: 100 }),
  select: (d) =>
    d.items.filter((x) => x.child.matched && x.child.id && x.decision && x.decision !== 'noFurtherAction'),
});

export const caseQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'one', caseId],
    queryFn: () => api.get<TCase>(`/api/v1/cases/${id(caseId)}`),
    retry: false,
    staleTime: 0,
  });

export const caseTeamsQuery = queryOptions({
  queryKey: ['cases', 'teams'],
  queryFn: () => api.get<{ items: TCaseTeam[] }>('/api/v1/case-teams'),
  select: (d) => d.items,
});

export const caseDeadlinesQuery = queryOptions({
  queryKey: ['cases', 'deadlines'],
  queryFn: () => api.get<TCaseDeadlines>('/api/v1/case-deadlines'),
  staleTime: 0,
});

export const protectiveFactorsQuery = queryOptions({
  queryKey: ['factor-catalogues', 'current', 'protective'],
  queryFn: () => api.get<TCatalogue>('/api/v1/factor-catalogues/current'),
  select: (d) => d.factors.filter((f) => f.kind === 'protective'),
  staleTime: 5 * 60_000,
});

export const caseApi = {
  open: (body: TOpenCaseRequest) => api.post<TCase>('/api/v1/cases', body),
  conversation: (caseId: string, body: TChildConversationRequest) =>
    api.post<TCase>(`/api/v1/cases/${id(caseId)}/conversations`, body),
  measure: (caseId: string, body: TAddMeasureRequest) =>
    api.post<TCase>(`/api/v1/cases/${id(caseId)}/measures`, body),
  plan: (caseId: string, body: TSavePlanRequest) => api.put<TCase>(`/api/v1/cases/${id(caseId)}/plan`, body),
  complete: (caseId: string, body: TCompleteAssessmentRequest) =>
    api.post<TCase>(`/api/v1/cases/${id(caseId)}/child-assessment`, body),
  preliminary: (caseId: string, body: TPreliminaryAssessmentRequest) =>
    api.post<TCase>(`/api/v1/cases/${id(caseId)}/preliminary-assessment`, body),
  followUp: (
    caseId: string,
    followUpId: string,
    body: { heldOn: string; note?: string; nextDueOn?: string },
  ) => api.post<TCase>(`/api/v1/cases/${id(caseId)}/follow-ups/${id(followUpId)}/held`, body),
  close: (caseId: string, body: TCloseCaseRequest) =>
    api.post<TCase>(`/api/v1/cases/${id(caseId)}/close`, body),
};
