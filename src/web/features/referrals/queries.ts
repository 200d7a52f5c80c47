import { queryOptions } from '@tanstack/react-query';
import type { TOfferSuggestions } from '../../../shared/schemas/offer-suggestion-views';
import type { TParticipation, TPartnerReferral, TReferral } from '../../../shared/schemas/referral-views';
import type {
  TAnswerReferralRequest,
  TAttendanceRequest,
  TCreateReferralInput,
  TWithdrawReferralRequest,
} from '../../../shared/schemas/referrals';
import { api } from '../../api';

export const childReferralsQuery = (childId: string) =>
  queryOptions({
    queryKey: ['referrals', 'child', childId],
    queryFn: () => api.get<{ items: TReferral[] }>(`/api/v1/children/${childId}/referrals`),
  });

export const partnerReferralsQuery = queryOptions({
  queryKey: ['referrals', 'partner'],
  queryFn: () => api.get<{ items: TPartnerReferral[] }>('/api/v1/partner/referrals'),
});

export const createReferral = (input: TCreateReferralInput) =>
  api.post<TReferral>('/api/v1/referrals', input);

export const withdrawReferral = (id: string, input: TWithdrawReferralRequest) =>
  api.post<TReferral>(`/api/v1/referrals/${id}/withdraw`, input);

export const answerReferral = (id: string, input: TAnswerReferralRequest) =>
  api.post<{ id: string; status: string; version: number }>(`/api/v1/partner/referrals/${id}/answer`, input);

export const confirmAttendance = (input: TAttendanceRequest) =>
  api.post<{ period: string; confirmed: number; alreadyConfirmed: number }>(
    '/api/v1/partner/referrals/attendance',
    input,
  );

export const offerSuggestionsQuery = (childId: string) =>
  queryOptions({
    queryKey: ['referrals', 'child', childId, 'suggestions'],
    queryFn: () => api.get<TOfferSuggestions>(`/api/v1/children/${childId}/offer-suggestions`),
  });

export const childParticipationQuery = (childId: string) =>
  queryOptions({
    queryKey: ['referrals', 'child', childId, 'participation'],
    queryFn: () => api.get<{ items: TParticipation[] }>(`/api/v1/children/${childId}/participation`),
  });
