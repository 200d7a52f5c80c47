import { createRoute, redirect } from '@tanstack/react-router';
import { AppLayout } from '../features/auth/app-layout';
import { meQuery } from '../features/auth/session';
import { rootRoute } from './root';

/** Every page below needs a session; without one the user is sent to the login page and back. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: AppLayout,
});
