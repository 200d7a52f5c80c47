import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import { NotFoundPage } from './not-found';

export interface TRouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<TRouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});
