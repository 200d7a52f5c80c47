import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const DeadlinesPage = lazyRouteComponent(
  () => import('../features/cases/case-deadlines-page'),
  'DeadlinesPage',
);

export const caseDeadlinesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/frister',
  component: () => (
    <RequirePermission permission="read:case:team">
      <DeadlinesPage />
    </RequirePermission>
  ),
});
