import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { ChildrenListPage } from '../features/children/children-page';
import { appRoute } from './app-layout';

export const childrenListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/boern',
  component: () => (
    <RequirePermission permission="read:child:unit">
      <ChildrenListPage />
    </RequirePermission>
  ),
});
