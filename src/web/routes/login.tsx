import { createRoute, redirect } from '@tanstack/react-router';
import { LoginPage } from '../features/auth/login-page';
import { meQuery } from '../features/auth/session';
import { rootRoute } from './root';

interface TLoginSearch {
  redirect?: string;
}

/** Only same-site paths, so the login page cannot be used to send people elsewhere. */
function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): TLoginSearch => ({
    redirect: safeRedirect(search.redirect),
  }),
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ to: '/' });
  },
  component: LoginPage,
});
