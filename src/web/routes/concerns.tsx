import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';
import { positiveInt } from './search-params';

const ConcernsPage = lazyRouteComponent(() => import('../features/concerns/concerns-page'), 'ConcernsPage');

interface TSearch {
  page?: number;
  level?: number;
  anonymous?: 'true' | 'false';
}

export const concernsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bekymringer',
  validateSearch: (search: Record<string, unknown>): TSearch => {
    const level = Number(search.level);
    return {
      page: positiveInt(search.page),
      level: [1, 2, 3, 4].includes(level) ? level : undefined,
      anonymous: search.anonymous === 'true' || search.anonymous === 'false' ? search.anonymous : undefined,
    };
  },
  component: () => (
    <RequirePermission permission="read:concern:unit">
      <ConcernsPage />
    </RequirePermission>
  ),
});
