import { createRoute } from '@tanstack/react-router';
import { HomePage } from '../features/auth/home-page';
import { appRoute } from './app-layout';

export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: HomePage,
});
