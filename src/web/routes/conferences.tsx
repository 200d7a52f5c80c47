import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const ConferencePage = lazyRouteComponent(
  () => import('../features/conferences/conference-page'),
  'ConferencePage',
);
const MyConferencesPage = lazyRouteComponent(
  () => import('../features/conferences/my-conferences-page'),
  'MyConferencesPage',
);

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
