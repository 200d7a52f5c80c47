import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { HandleguidePage } from '../features/handleguide/handleguide-page';
import { appRoute } from './app-layout';

export const adminHandleguideRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/handleguide',
  component: () => (
    <RequirePermission permission="read:handleguide:municipality">
      <HandleguidePage />
    </RequirePermission>
  ),
});
