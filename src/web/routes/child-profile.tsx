import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { ChildProfilePage } from '../features/children/child-profile-page';
import { appRoute } from './app-layout';

export const childProfileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/boern/$childId',
  component: () => (
    <RequirePermission permission="read:child:unit">
      <ChildProfilePage />
    </RequirePermission>
  ),
});
