import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { SHOW, type TShow } from '../features/assessments/types';

const RoundProgressPage = lazyRouteComponent(
  () => import('../features/assessments/round-progress-page'),
  'RoundProgressPage',
);

import { appRoute } from './app-layout';

export const roundProgressRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/runder/$roundId/enheder/$unitId',
  validateSearch: (search: Record<string, unknown>): { show?: TShow } => ({
    show: SHOW.find((s) => s !== 'all' && s === search.show),
  }),
  component: () => (
    <RequirePermission permission="read:round:unit">
      <RoundProgressPage />
    </RequirePermission>
  ),
});
