import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';
import { uuid } from './search-params';

const NewConcernPage = lazyRouteComponent(
  () => import('../features/concerns/new-concern-page'),
  'NewConcernPage',
);

export const concernNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bekymringer/ny',
  validateSearch: (search: Record<string, unknown>): { childId?: string } => ({
    childId: uuid(search.childId),
  }),
  component: () => (
    <RequirePermission permission="write:concern:unit">
      <NewConcernPage />
    </RequirePermission>
  ),
});
