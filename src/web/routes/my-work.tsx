import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const MyWorkPage = lazyRouteComponent(() => import('../features/my-work/my-work-page'), 'MyWorkPage');

export const myWorkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mit-arbejde',
  component: () => (
    <RequirePermission permission="read:meeting:own">
      <MyWorkPage />
    </RequirePermission>
  ),
});
