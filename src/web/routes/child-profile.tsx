import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const ChildProfilePage = lazyRouteComponent(
  () => import('../features/children/child-profile-page'),
  'ChildProfilePage',
);

export const childProfileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/boern/$childId',
  component: () => (
    <RequirePermission permission="read:child:unit">
      <ChildProfilePage />
    </RequirePermission>
  ),
});
