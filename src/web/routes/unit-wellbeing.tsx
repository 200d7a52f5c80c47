import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const UnitWellbeingPage = lazyRouteComponent(
  () => import('../features/assessments/unit-wellbeing-page'),
  'UnitWellbeingPage',
);

export const unitWellbeingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/enheder/$unitId/trivsel',
  component: () => (
    <RequirePermission permission="read:measurement:unit">
      <UnitWellbeingPage />
    </RequirePermission>
  ),
});
