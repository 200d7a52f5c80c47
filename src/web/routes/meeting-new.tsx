import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const NewMeetingPage = lazyRouteComponent(
  () => import('../features/meetings/new-meeting-page'),
  'NewMeetingPage',
);

export const meetingNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/moeder/ny',
  component: () => (
    <RequirePermission permission="manage:meeting:unit">
      <NewMeetingPage />
    </RequirePermission>
  ),
});
