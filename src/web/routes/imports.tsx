import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const ImportPage = lazyRouteComponent(() => import('../features/imports/import-page'), 'ImportPage');

export const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/import',
  component: () => (
    <RequirePermission permission="write:assessment:unit">
      <ImportPage />
    </RequirePermission>
  ),
});
