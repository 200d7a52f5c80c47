import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { MyChildrenPage } from '../features/coordinators/my-children-page';
import { appRoute } from './app-layout';

export const myChildrenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mine-boern',
  component: () => (
    <RequirePermission permission="read:child:unit">
      <MyChildrenPage />
    </RequirePermission>
  ),
});
