import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { ConferencePage } from '../features/conferences/conference-page';
import { MyConferencesPage } from '../features/conferences/my-conferences-page';
import { appRoute } from './app-layout';

export const myConferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/konferencer',
  component: () => (
    <RequirePermission permission="coordinate:conference:own">
      <MyConferencesPage />
    </RequirePermission>
  ),
});

export const conferenceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/konferencer/$conferenceId',
  component: () => (
    <RequirePermission
      permission={['coordinate:conference:own', 'read:conference:team', 'read:conference:unit']}
    >
      <ConferencePage />
    </RequirePermission>
  ),
});
