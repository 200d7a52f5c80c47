import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import type { TDistrict, TUnit, TUnitInput } from './types';

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

export function createUnit(input: TUnitInput): Promise<TUnit> {
  return api.post<TUnit>('/api/v1/units', input);
}

export function updateUnit(id: string, input: Partial<TUnitInput> & { version: number }): Promise<TUnit> {
  return api.patch<TUnit>(`/api/v1/units/${encodeURIComponent(id)}`, input);
}
