import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { AdminUnitsPage } from '../features/org/units-page';
import { appRoute } from './app-layout';

export const adminUnitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/enheder',
  component: () => (
    <RequirePermission permission="manage:org:municipality">
      <AdminUnitsPage />
    </RequirePermission>
  ),
});
