import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const CapacityPage = lazyRouteComponent(
  () => import('../features/offer-capacity/capacity-page'),
  'CapacityPage',
);
const LearningPage = lazyRouteComponent(
  () => import('../features/offer-learning/learning-page'),
  'LearningPage',
);

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
