import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { NewMeetingPage } from '../features/meetings/new-meeting-page';
import { appRoute } from './app-layout';

export const meetingNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/moeder/ny',
  component: () => (
    <RequirePermission permission="manage:meeting:unit">
      <NewMeetingPage />
    </RequirePermission>
  ),
});
