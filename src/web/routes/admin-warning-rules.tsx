import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { RulesPage } from '../features/early-warning/warning-rules-page';
import { appRoute } from './app-layout';

export const adminWarningRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/advarselsregler',
  component: () => (
    <RequirePermission permission="read:warning-rule:municipality">
      <RulesPage />
    </RequirePermission>
  ),
});
