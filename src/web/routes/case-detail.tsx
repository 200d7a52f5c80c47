import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { CasePage } from '../features/cases/case-page';
import { appRoute } from './app-layout';

export const caseDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sager/$caseId',
  component: () => (
    <RequirePermission permission="read:case:team">
      <CasePage />
    </RequirePermission>
  ),
});
