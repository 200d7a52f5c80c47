import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';
import { isoDate } from './search-params';

const CompliancePage = lazyRouteComponent(
  () => import('../features/compliance/compliance-page'),
  'CompliancePage',
);

interface TSearch {
  from?: string;
  to?: string;
}

export const complianceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/overholdelse',
  validateSearch: (search: Record<string, unknown>): TSearch => ({
    from: isoDate(search.from),
    to: isoDate(search.to),
  }),
  component: () => (
    <RequirePermission permission="read:compliance:municipality">
      <CompliancePage />
    </RequirePermission>
  ),
});
