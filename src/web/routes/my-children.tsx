import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const MyChildrenPage = lazyRouteComponent(
  () => import('../features/coordinators/my-children-page'),
  'MyChildrenPage',
);

export const myChildrenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mine-boern',
  component: () => (
    <RequirePermission permission="read:child:unit">
      <MyChildrenPage />
    </RequirePermission>
  ),
});
