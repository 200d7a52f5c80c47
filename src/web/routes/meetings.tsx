import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const MeetingsPage = lazyRouteComponent(() => import('../features/meetings/meetings-page'), 'MeetingsPage');

export const meetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/moeder',
  component: () => (
    <RequirePermission permission="read:meeting:own">
      <MeetingsPage />
    </RequirePermission>
  ),
});
