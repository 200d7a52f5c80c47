import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const ChildrenListPage = lazyRouteComponent(
  () => import('../features/children/children-page'),
  'ChildrenListPage',
);

export const childrenListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/boern',
  component: () => (
    <RequirePermission permission="read:child:unit">
      <ChildrenListPage />
    </RequirePermission>
  ),
});
