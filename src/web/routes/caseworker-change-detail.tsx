import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const ChangePage = lazyRouteComponent(
  () => import('../features/caseworker-change/caseworker-change-detail-page'),
  'ChangePage',
);

export const caseworkerChangeDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/raadgiverskifte/$changeId',
  component: () => (
    <RequirePermission permission="manage:case:team">
      <ChangePage />
    </RequirePermission>
  ),
});
