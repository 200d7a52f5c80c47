import { queryOptions } from '@tanstack/react-query';
import type {
  TAction,
  TAddItemRequest,
  TChildMeeting,
  TChildThroughMeeting,
  TConcernCandidate,
  TCreateActionRequest,
  TCreateMeetingRequest,
  TMeeting,
  TMeetingSummary,
  TPerson,
  TRecordFollowUpRequest,
  TUpdateActionRequest,
  TUpdateMinutesRequest,
} from '../../../shared/schemas/meetings';
import { api } from '../../api';

export type { TChildMeeting, TPerson };

export const meetingsQuery = (scope: 'upcoming' | 'past' | 'all') =>
  queryOptions({
    queryKey: ['meetings', 'list', scope],
    queryFn: () => api.get<TMeetingSummary[]>('/api/v1/meetings', { scope }),
  });

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: ['meetings', 'one', id],
    queryFn: () => api.get<TMeeting>(`/api/v1/meetings/${id}`),
  });

export const peopleQuery = queryOptions({
  queryKey: ['meetings', 'people'],
  queryFn: () => api.get<TPerson[]>('/api/v1/meetings/people'),
  staleTime: 300_000,
});

export const concernCandidatesQuery = queryOptions({
  queryKey: ['meetings', 'concern-candidates'],
  queryFn: () => api.get<TConcernCandidate[]>('/api/v1/meetings/concern-candidates'),
});

export const itemChildQuery = (itemId: string) =>
  queryOptions({
    queryKey: ['meetings', 'item-child', itemId],
    queryFn: () => api.get<TChildThroughMeeting>(`/api/v1/meeting-items/${itemId}/child`),
    staleTime: 0,
  });

export const childMeetingsQuery = (childId: string) =>
  queryOptions({
    queryKey: ['meetings', 'child', childId],
    queryFn: () => api.get<TChildMeeting[]>(`/api/v1/children/${childId}/meetings`),
  });

export const createMeeting = (input: TCreateMeetingRequest) => api.post<TMeeting>('/api/v1/meetings', input);
export const addItem = (meetingId: string, input: TAddItemRequest) =>
  api.post<{ id: string; warnings: { nameLike: string[] } }>(`/api/v1/meetings/${meetingId}/items`, input);
export const saveMinutes = (itemId: string, input: TUpdateMinutesRequest) =>
  api.put<{ id: string; version: number }>(`/api/v1/meeting-items/${itemId}/minutes`, input);
export const createAction = (itemId: string, input: TCreateActionRequest) =>
  api.post<TAction>(`/api/v1/meeting-items/${itemId}/actions`, input);
export const updateAction = (actionId: string, input: TUpdateActionRequest) =>
  api.patch<TAction>(`/api/v1/meeting-actions/${actionId}`, input);
export const recordFollowUp = (itemId: string, input: TRecordFollowUpRequest) =>
  api.post<{ id: string; version: number }>(`/api/v1/meeting-items/${itemId}/follow-up`, input);
