import { queryOptions } from '@tanstack/react-query';
import type {
  TCandidate,
  TCoordinatedChild,
  TChildCoordinator as TCoordinator,
} from '../../../shared/schemas/coordinator-views';
import { api } from '../../api';

export type { TCandidate, TCoordinatedChild, TCoordinator };

const child = (id: string) => `/api/v1/children/${encodeURIComponent(id)}`;

export const coordinatorQuery = (childId: string) =>
  queryOptions({
    queryKey: ['coordinator', childId],
    queryFn: () =>
      api.get<{ coordinator: TCoordinator | null; canSet: boolean }>(`${child(childId)}/coordinator`),
  });

export const candidatesQuery = (childId: string) =>
  queryOptions({
    queryKey: ['coordinator', childId, 'candidates'],
    queryFn: () => api.get<{ items: TCandidate[] }>(`${child(childId)}/coordinator-candidates`),
    select: (data) => data.items,
  });

export const myChildrenQuery = queryOptions({
  queryKey: ['coordinator', 'mine'],
  queryFn: () => api.get<{ items: TCoordinatedChild[] }>('/api/v1/coordinators/me/children'),
  select: (data) => data.items,
});

export interface TSetCoordinatorInput {
  userId: string;
  parentsInformedOn?: string | null;
  parentsInformedNote?: string | null;
  version?: number;
}

export function setCoordinator(childId: string, input: TSetCoordinatorInput): Promise<TCoordinator> {
  return api.put<TCoordinator>(`${child(childId)}/coordinator`, input);
}
