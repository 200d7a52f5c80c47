import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import type { TCreateUnitInput, TDistrict, TUnit, TUpdateUnitInput } from './types';

export const unitsQuery = queryOptions({
  queryKey: ['units'],
  queryFn: () => api.get<{ items: TUnit[] }>('/api/v1/units'),
  select: (data) => [...data.items].sort((a, b) => a.name.localeCompare(b.name, 'da')),
});

export const districtsQuery = queryOptions({
  queryKey: ['districts'],
  queryFn: () => api.get<{ items: TDistrict[] }>('/api/v1/districts'),
  select: (data) => data.items,
});

export function createUnit(input: TCreateUnitInput): Promise<TUnit> {
  return api.post<TUnit>('/api/v1/units', input);
}

export function updateUnit(id: string, input: TUpdateUnitInput): Promise<TUnit> {
  return api.patch<TUnit>(`/api/v1/units/${encodeURIComponent(id)}`, input);
}
