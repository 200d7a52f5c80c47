import { queryOptions } from '@tanstack/react-query';
import type { TCreateNetworkPersonInput, TUpdateNetworkPersonInput } from '../../../shared/schemas/network';
import type {
  TNetworkConsideration,
  TNetworkConsiderationInput,
  TNetworkConsiderations,
} from '../../../shared/schemas/network-considerations';
import type { TChildNetwork, TNetworkPerson } from '../../../shared/schemas/network-views';
import { api } from '../../api';

export const childNetworkQuery = (childId: string) =>
  queryOptions({
    queryKey: ['network', childId],
    queryFn: () => api.get<TChildNetwork>(`/api/v1/children/${childId}/network`),
  });

export const createNetworkPerson = (input: TCreateNetworkPersonInput) =>
  api.post<TNetworkPerson>('/api/v1/network-persons', input);

export const updateNetworkPerson = (id: string, input: TUpdateNetworkPersonInput) =>
  api.put<TNetworkPerson>(`/api/v1/network-persons/${id}`, input);

export const networkConsiderationsQuery = (childId: string) =>
  queryOptions({
    queryKey: ['network', childId, 'considerations'],
    queryFn: () => api.get<TNetworkConsiderations>(`/api/v1/children/${childId}/network-considerations`),
  });

export const recordNetworkConsideration = (childId: string, input: TNetworkConsiderationInput) =>
  api.post<TNetworkConsideration>(`/api/v1/children/${childId}/network-considerations`, input);
