import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const HandleguidePage = lazyRouteComponent(
  () => import('../features/handleguide/handleguide-page'),
  'HandleguidePage',
);

export const adminHandleguideRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/handleguide',
  component: () => (
    <RequirePermission permission="read:handleguide:municipality">
      <HandleguidePage />
    </RequirePermission>
  ),
});
