import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

const RoundsRoutePage = lazyRouteComponent(
  () => import('../features/assessments/rounds-page'),
  'RoundsRoutePage',
);

export const roundsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/runder',
  component: RoundsRoutePage,
});
