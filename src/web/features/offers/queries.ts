import { queryOptions } from '@tanstack/react-query';
import type { TPage } from '../../../shared/schemas/common';
import type { TOffer, TOfferKind, TProvider } from '../../../shared/schemas/offer-views';
import type { TCreateOfferInput, TUpdateOfferRequest } from '../../../shared/schemas/offers';
import { api, withQuery } from '../../api';

export interface TOfferFilters {
  q?: string;
  kind?: string;
  status?: string;
  age?: number;
  page?: number;
  pageSize?: number;
}

export const offersQuery = (filters: TOfferFilters) =>
  queryOptions({
    queryKey: ['offers', filters],
    queryFn: () => api.get<TPage<TOffer>>(withQuery('/api/v1/offers', { ...filters })),
  });

export const offerQuery = (id: string) =>
  queryOptions({ queryKey: ['offer', id], queryFn: () => api.get<TOffer>(`/api/v1/offers/${id}`) });

export const offerKindsQuery = queryOptions({
  queryKey: ['offer-kinds'],
  queryFn: () => api.get<{ items: TOfferKind[] }>('/api/v1/offer-kinds'),
  staleTime: 5 * 60_000,
});

export const providersQuery = queryOptions({
  queryKey: ['offer-providers'],
  queryFn: () => api.get<{ items: TProvider[] }>('/api/v1/offer-providers'),
  staleTime: 5 * 60_000,
});

export const createOffer = (input: TCreateOfferInput) => api.post<TOffer>('/api/v1/offers', input);

export const updateOffer = (id: string, input: TUpdateOfferRequest) =>
  api.patch<TOffer>(`/api/v1/offers/${id}`, input);

export const HSDS_DOWNLOAD = '/api/v1/offers/hsds?download=true';
