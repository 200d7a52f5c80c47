import { createRoute } from '@tanstack/react-router';
import { PracticeGate } from '../features/practice-analytics/practice-page';
import { appRoute } from './app-layout';

export const practiceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/praksis',
  component: PracticeGate,
});
