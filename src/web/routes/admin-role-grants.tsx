import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { RoleGrantsPage } from '../features/users/role-grants-page';
import { appRoute } from './app-layout';

export const adminRoleGrantsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/rolletildelinger',
  component: () => (
    <RequirePermission permission={['manage:user:municipality', 'confirm:grant:unit']}>
      <RoleGrantsPage />
    </RequirePermission>
  ),
});
