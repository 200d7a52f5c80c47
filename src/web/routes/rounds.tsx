import { createRoute } from '@tanstack/react-router';
import { RoundsRoutePage } from '../features/assessments/rounds-page';
import { appRoute } from './app-layout';

export const roundsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/runder',
  component: RoundsRoutePage,
});
