import { queryOptions } from '@tanstack/react-query';
import type { TCreateNetworkPersonInput, TUpdateNetworkPersonInput } from '../../../shared/schemas/network';
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
