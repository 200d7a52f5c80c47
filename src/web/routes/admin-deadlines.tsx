import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { DeadlinesPage } from '../features/deadline-settings/deadline-settings-page';
import { appRoute } from './app-layout';

export const adminDeadlinesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/frister',
  component: () => (
    <RequirePermission permission="read:deadline:municipality">
      <DeadlinesPage />
    </RequirePermission>
  ),
});
