import { queryOptions } from '@tanstack/react-query';
import type { TConsent, TConsentsOfChild, TCreateConsentRequest } from '../../../shared/schemas/consents';
import { api } from '../../api';

export const childConsentsQuery = (childId: string) =>
  queryOptions({
    queryKey: ['consents', childId],
    queryFn: () => api.get<TConsentsOfChild>(`/api/v1/children/${childId}/consents`),
  });

export const createConsent = (childId: string, input: TCreateConsentRequest) =>
  api.post<TConsent>(`/api/v1/children/${childId}/consents`, input);

export const withdrawConsent = (id: string, version: number, note?: string) =>
  api.post<TConsent>(`/api/v1/consents/${id}/withdraw`, { version, ...(note ? { note } : {}) });
