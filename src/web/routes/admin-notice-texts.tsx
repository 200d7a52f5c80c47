import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const NoticeTextsPage = lazyRouteComponent(
  () => import('../features/notices/notice-texts-page'),
  'NoticeTextsPage',
);

export const adminNoticeTextsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/oplysningstekster',
  component: () => (
    <RequirePermission permission="manage:notice-text:municipality">
      <NoticeTextsPage />
    </RequirePermission>
  ),
});
