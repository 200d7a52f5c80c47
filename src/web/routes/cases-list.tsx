import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';
import { optionalText, positiveInt } from './search-params';

const CasesPage = lazyRouteComponent(() => import('../features/cases/cases-page'), 'CasesPage');

interface TSearch {
  page?: number;
  status?: 'open' | 'closed';
  overdue?: 'true';
  /** Prefill "open a case" (e.g. from a notification). */
  childId?: string;
  notificationId?: string;
}

export const casesListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sager',
  validateSearch: (search: Record<string, unknown>): TSearch => ({
    page: positiveInt(search.page),
    status: search.status === 'open' || search.status === 'closed' ? search.status : undefined,
    overdue: search.overdue === 'true' ? 'true' : undefined,
    childId: optionalText(search.childId),
    notificationId: optionalText(search.notificationId),
  }),
  component: () => (
    <RequirePermission permission="read:case:team">
      <CasesPage />
    </RequirePermission>
  ),
});
