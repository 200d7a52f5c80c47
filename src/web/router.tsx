import { QueryCache, QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { ApiError } from './api';
import { meKey } from './features/auth/session';
import { adminFactorsRoute } from './routes/admin-factors';
import { adminUnitsRoute } from './routes/admin-units';
import { adminUsersRoute } from './routes/admin-users';
import { appRoute } from './routes/app-layout';
import { editAssessmentRoute, newAssessmentRoute } from './routes/assessment-form';
import { auditRoute } from './routes/audit';
import { childProfileRoute } from './routes/child-profile';
import { childrenListRoute } from './routes/children-list';
import { homeRoute } from './routes/home';
import { loginRoute } from './routes/login';
import { measurementRoute } from './routes/measurement';
import { rootRoute } from './routes/root';
import { roundProgressRoute } from './routes/round-progress';
import { roundsRoute } from './routes/rounds';
import { unitWellbeingRoute } from './routes/unit-wellbeing';

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // The session ended (idle timeout, deactivated user, logout in another tab): back to the login page.
    onError: (error) => {
      if (!(error instanceof ApiError) || error.status !== 401) return;
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
      const here = router.state.location.href;
      void router.navigate({ to: '/login', search: { redirect: here } });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change on retry; only network trouble and 5xx are worth another go.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    childrenListRoute,
    childProfileRoute,
    adminUsersRoute,
    adminUnitsRoute,
    adminFactorsRoute,
    auditRoute,
    measurementRoute,
    roundsRoute,
    roundProgressRoute,
    newAssessmentRoute,
    editAssessmentRoute,
    unitWellbeingRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
