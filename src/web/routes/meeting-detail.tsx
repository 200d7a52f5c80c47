import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { MeetingPage } from '../features/meetings/meeting-page';
import { appRoute } from './app-layout';

export const meetingDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/moeder/$meetingId',
  component: () => (
    <RequirePermission permission="read:meeting:own">
      <MeetingPage />
    </RequirePermission>
  ),
});
