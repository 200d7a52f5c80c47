import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { MyWorkPage } from '../features/my-work/my-work-page';
import { appRoute } from './app-layout';

export const myWorkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mit-arbejde',
  component: () => (
    <RequirePermission permission="read:meeting:own">
      <MyWorkPage />
    </RequirePermission>
  ),
});
