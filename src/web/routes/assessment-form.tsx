import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import type { TAssessmentMode } from '../features/assessments/types';
import { appRoute } from './app-layout';
import { optionalText } from './search-params';

const EditAssessmentPage = lazyRouteComponent(
  () => import('../features/assessments/assessment-page'),
  'EditAssessmentPage',
);
const NewAssessmentPage = lazyRouteComponent(
  () => import('../features/assessments/assessment-page'),
  'NewAssessmentPage',
);

interface TNewSearch {
  mode: TAssessmentMode;
  /** The unit whose overview the user came from, for the way back. */
  unitId?: string;
}

export const newAssessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/runder/$roundId/boern/$childId/vurdering',
  validateSearch: (search: Record<string, unknown>): TNewSearch => ({
    mode: search.mode === 'joint' ? 'joint' : 'own',
    unitId: optionalText(search.unitId),
  }),
  component: () => (
    <RequirePermission permission="write:assessment:unit">
      <NewAssessmentPage />
    </RequirePermission>
  ),
});

export const editAssessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/vurderinger/$assessmentId',
  validateSearch: (search: Record<string, unknown>): { saved?: boolean } => ({
    saved: search.saved === true || search.saved === 'true' || search.saved === 1 ? true : undefined,
  }),
  component: () => (
    <RequirePermission permission="read:assessment:unit">
      <EditAssessmentPage />
    </RequirePermission>
  ),
});
