import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { CapacityPage } from '../features/offer-capacity/capacity-page';
import { LearningPage } from '../features/offer-learning/learning-page';
import { appRoute } from './app-layout';

export const offerLearningRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tilbud/laering',
  component: () => (
    <RequirePermission permission="read:learning:municipality">
      <LearningPage />
    </RequirePermission>
  ),
});

export const offerCapacityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tilbud/kapacitet',
  component: () => (
    <RequirePermission permission="read:capacity:municipality">
      <CapacityPage />
    </RequirePermission>
  ),
});
