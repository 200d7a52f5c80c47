import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

const PracticeGate = lazyRouteComponent(
  () => import('../features/practice-analytics/practice-page'),
  'PracticeGate',
);

export const practiceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/praksis',
  component: PracticeGate,
});
