import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const FamilyPage = lazyRouteComponent(() => import('../features/family/family-page'), 'FamilyPage');

export const familyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/boern/$childId/familie',
  component: () => (
    <RequirePermission permission={['read:network:unit', 'read:network:team']}>
      <FamilyPage />
    </RequirePermission>
  ),
});
