import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const RulesPage = lazyRouteComponent(
  () => import('../features/early-warning/warning-rules-page'),
  'RulesPage',
);

export const adminWarningRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/advarselsregler',
  component: () => (
    <RequirePermission permission="read:warning-rule:municipality">
      <RulesPage />
    </RequirePermission>
  ),
});
