import { queryOptions } from '@tanstack/react-query';
import type {
  TConference,
  TConferenceListItem,
  TCoordinatorCandidate,
} from '../../../shared/schemas/conference-views';
import type { TReferConferenceRequest } from '../../../shared/schemas/conferences';
import { api } from '../../api';

export const childConferencesQuery = (childId: string) =>
  queryOptions({
    queryKey: ['conferences', 'child', childId],
    queryFn: () => api.get<{ items: TConferenceListItem[] }>(`/api/v1/children/${childId}/conferences`),
  });

export const myConferencesQuery = queryOptions({
  queryKey: ['conferences', 'mine'],
  queryFn: () => api.get<{ items: TConferenceListItem[] }>('/api/v1/conferences'),
});

export const conferenceQuery = (id: string) =>
  queryOptions({
    queryKey: ['conferences', 'one', id],
    queryFn: () => api.get<TConference>(`/api/v1/conferences/${id}`),
  });

export const coordinatorsQuery = queryOptions({
  queryKey: ['conferences', 'coordinators'],
  queryFn: () => api.get<{ items: TCoordinatorCandidate[] }>('/api/v1/conference-coordinators'),
});

export const referConference = (input: TReferConferenceRequest) =>
  api.post<TConference>('/api/v1/conferences', input);

/** One step of the workflow: preparation, information, private-time, plan, decision, review, close. */
export const recordConferenceStep = (id: string, path: string, input: unknown) =>
  api.post<TConference>(`/api/v1/conferences/${id}/${path}`, input);
