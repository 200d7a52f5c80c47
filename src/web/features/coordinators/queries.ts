import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';

export interface TCoordinator {
  childId: string;
  userId: string;
  name: string;
  email: string;
  setBy: string;
  setByName: string;
  setAt: string;
  parentsInformedOn: string | null;
  parentsInformedNote: string | null;
  version: number;
}

export interface TCandidate {
  id: string;
  name: string;
  email: string;
  unitName: string;
  role: string;
}

export interface TCoordinatedChild {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  unitName: string | null;
  latestPosition: 'green' | 'yellow' | 'red' | null;
  latestAssessedOn: string | null;
  concernsLast60Days: number;
  unreadAlerts: number;
  parentsInformedOn: string | null;
}

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
