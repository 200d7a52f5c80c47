import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const StartPage = lazyRouteComponent(
  () => import('../features/caseworker-change/caseworker-change-page'),
  'StartPage',
);

export const caseworkerChangeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/raadgiverskifte',
  component: () => (
    <RequirePermission permission="manage:case:team">
      <StartPage />
    </RequirePermission>
  ),
});
