import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { ImportPage } from '../features/imports/import-page';
import { appRoute } from './app-layout';

export const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/import',
  component: () => (
    <RequirePermission permission="write:assessment:unit">
      <ImportPage />
    </RequirePermission>
  ),
});
