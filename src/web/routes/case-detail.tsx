import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const CasePage = lazyRouteComponent(() => import('../features/cases/case-page'), 'CasePage');

export const caseDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sager/$caseId',
  component: () => (
    <RequirePermission permission="read:case:team">
      <CasePage />
    </RequirePermission>
  ),
});
