import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import type { TAuditSearch } from '../features/audit/types';
import { appRoute } from './app-layout';
import { isoDate, optionalText, positiveInt } from './search-params';

const AuditPage = lazyRouteComponent(() => import('../features/audit/audit-page'), 'AuditPage');

export const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/revisionslog',
  validateSearch: (search: Record<string, unknown>): TAuditSearch => ({
    userId: optionalText(search.userId),
    childId: optionalText(search.childId),
    from: isoDate(search.from),
    to: isoDate(search.to),
    page: positiveInt(search.page),
  }),
  component: () => (
    <RequirePermission permission="read:audit:municipality">
      <AuditPage />
    </RequirePermission>
  ),
});
