import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import { NotFoundPage } from '../components/not-found-page';

export interface TRouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<TRouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});
