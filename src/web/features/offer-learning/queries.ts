import { queryOptions } from '@tanstack/react-query';
import type {
  TLearning,
  TOfferDecision,
  TOfferDecisionRequest,
} from '../../../shared/schemas/offer-learning';
import { api } from '../../api';

export const learningQuery = queryOptions({
  queryKey: ['offer-learning'],
  queryFn: () => api.get<TLearning>('/api/v1/offers/learning'),
});

export const recordDecision = (offerId: string, input: TOfferDecisionRequest) =>
  api.post<TOfferDecision>(`/api/v1/offers/${offerId}/decisions`, input);
