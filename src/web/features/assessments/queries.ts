import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import type {
  TAssessment,
  TCatalogue,
  TChildAssessments,
  TCreateAssessmentInput,
  TCreateRoundInput,
  TLockedAssessment,
  TOwnAssessments,
  TRound,
  TRoundProgress,
  TUnitWellbeing,
  TUpdateAssessmentInput,
} from './types';

const id = (value: string) => encodeURIComponent(value);

export const roundsQuery = queryOptions({
  queryKey: ['assessments', 'rounds'],
  queryFn: () => api.get<{ items: TRound[] }>('/api/v1/assessment-rounds'),
  select: (data) => data.items,
});

export const roundProgressQuery = (roundId: string, unitId: string) =>
  queryOptions({
    queryKey: ['assessments', 'progress', roundId, unitId],
    queryFn: () => api.get<TRoundProgress>(`/api/v1/assessment-rounds/${id(roundId)}/progress`, { unitId }),
    retry: false,
  });

export const ownAssessmentsQuery = (roundId: string, childId: string) =>
  queryOptions({
    queryKey: ['assessments', 'own', roundId, childId],
    queryFn: () =>
      api.get<TOwnAssessments>(
        `/api/v1/assessment-rounds/${id(roundId)}/children/${id(childId)}/own-assessments`,
      ),
    retry: false,
    // The form compares against what the colleagues said; an old copy would hide a new disagreement.
    staleTime: 0,
  });

export const assessmentQuery = (assessmentId: string) =>
  queryOptions({
    queryKey: ['assessments', 'one', assessmentId],
    queryFn: () => api.get<TAssessment>(`/api/v1/assessments/${id(assessmentId)}`),
    retry: false,
    staleTime: 0,
  });

/** A published catalogue version never changes, so one read lasts the session. */
export const catalogueQuery = (catalogueId: string) =>
  queryOptions({
    queryKey: ['factor-catalogues', catalogueId],
    queryFn: () => api.get<TCatalogue>(`/api/v1/factor-catalogues/${id(catalogueId)}`),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const childAssessmentsQuery = (childId: string) =>
  queryOptions({
    queryKey: ['assessments', 'child', childId],
    queryFn: () => api.get<TChildAssessments>(`/api/v1/children/${id(childId)}/assessments`),
    retry: false,
  });

export const unitWellbeingQuery = (unitId: string) =>
  queryOptions({
    queryKey: ['assessments', 'wellbeing', unitId],
    queryFn: () => api.get<TUnitWellbeing>(`/api/v1/units/${id(unitId)}/wellbeing`),
    retry: false,
  });

export function createRound(input: TCreateRoundInput): Promise<TRound> {
  return api.post<TRound>('/api/v1/assessment-rounds', input);
}

export function createAssessment(input: TCreateAssessmentInput): Promise<TAssessment> {
  return api.post<TAssessment>('/api/v1/assessments', input);
}

export function updateAssessment(assessmentId: string, input: TUpdateAssessmentInput): Promise<TAssessment> {
  return api.patch<TAssessment>(`/api/v1/assessments/${id(assessmentId)}`, input);
}

export function lockAssessment(assessmentId: string): Promise<TLockedAssessment> {
  return api.post<TLockedAssessment>(`/api/v1/assessments/${id(assessmentId)}/lock`);
}

/** After a write: progress lists, profiles and unit views may all show the change. */
export function invalidateAssessmentViews(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['assessments'] });
}
