import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { MeetingsPage } from '../features/meetings/meetings-page';
import { appRoute } from './app-layout';

export const meetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/moeder',
  component: () => (
    <RequirePermission permission="read:meeting:own">
      <MeetingsPage />
    </RequirePermission>
  ),
});
