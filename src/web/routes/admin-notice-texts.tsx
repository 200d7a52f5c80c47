import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { NoticeTextsPage } from '../features/notices/notice-texts-page';
import { appRoute } from './app-layout';

export const adminNoticeTextsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/oplysningstekster',
  component: () => (
    <RequirePermission permission="manage:notice-text:municipality">
      <NoticeTextsPage />
    </RequirePermission>
  ),
});
