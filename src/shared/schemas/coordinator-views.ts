import type { TPosition } from './assessments.ts';

// The answers of the coordinator endpoints: one definition for the server that builds them and the web
// app that reads them.

export interface TChildCoordinator {
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
  latestPosition: TPosition | null;
  latestAssessedOn: string | null;
  concernsLast60Days: number;
  unreadAlerts: number;
  parentsInformedOn: string | null;
}
