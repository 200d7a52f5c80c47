import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from '../features/auth/app-layout';
import { ImportPage } from '../features/imports/import-page';

export const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/import',
  component: () => (
    <RequirePermission permission="write:assessment:unit">
      <ImportPage />
    </RequirePermission>
  ),
});
