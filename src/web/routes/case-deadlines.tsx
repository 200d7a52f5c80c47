import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { DeadlinesPage } from '../features/cases/case-deadlines-page';
import { appRoute } from './app-layout';

export const caseDeadlinesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/frister',
  component: () => (
    <RequirePermission permission="read:case:team">
      <DeadlinesPage />
    </RequirePermission>
  ),
});
