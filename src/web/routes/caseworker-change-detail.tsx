import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { ChangePage } from '../features/caseworker-change/caseworker-change-detail-page';
import { appRoute } from './app-layout';

export const caseworkerChangeDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/raadgiverskifte/$changeId',
  component: () => (
    <RequirePermission permission="manage:case:team">
      <ChangePage />
    </RequirePermission>
  ),
});
