import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { StartPage } from '../features/caseworker-change/caseworker-change-page';
import { appRoute } from './app-layout';

export const caseworkerChangeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/raadgiverskifte',
  component: () => (
    <RequirePermission permission="manage:case:team">
      <StartPage />
    </RequirePermission>
  ),
});
