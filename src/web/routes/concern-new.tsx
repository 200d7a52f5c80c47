import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { NewConcernPage } from '../features/concerns/new-concern-page';
import { appRoute } from './app-layout';
import { uuid } from './search-params';

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
