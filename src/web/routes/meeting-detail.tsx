import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const MeetingPage = lazyRouteComponent(() => import('../features/meetings/meeting-page'), 'MeetingPage');

export const meetingDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/moeder/$meetingId',
  component: () => (
    <RequirePermission permission="read:meeting:own">
      <MeetingPage />
    </RequirePermission>
  ),
});
