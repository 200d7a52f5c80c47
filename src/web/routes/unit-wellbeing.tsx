import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { UnitWellbeingPage } from '../features/assessments/unit-wellbeing-page';
import { appRoute } from './app-layout';

export const unitWellbeingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/enheder/$unitId/trivsel',
  component: () => (
    <RequirePermission permission="read:measurement:unit">
      <UnitWellbeingPage />
    </RequirePermission>
  ),
});
