import { createRoute, lazyRouteComponent, useNavigate } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { can, useMe } from '../features/auth/session';
import '../features/factors/factors.css';
import { appRoute } from './app-layout';

const CataloguePage = lazyRouteComponent(() => import('../features/factors/catalogue-page'), 'CataloguePage');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const adminFactorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/faktorer',
  validateSearch: (search: Record<string, unknown>): { version?: string } => ({
    version: typeof search.version === 'string' && UUID.test(search.version) ? search.version : undefined,
  }),
  component: AdminFactorsRoutePage,
});

function AdminFactorsRoutePage() {
  const me = useMe();
  const { version } = adminFactorsRoute.useSearch();
  const navigate = useNavigate({ from: adminFactorsRoute.fullPath });
  // Reading is enough to open the page; changing needs manage, and the page offers it only then.
  const permission = can(me, 'manage:catalogue:municipality')
    ? 'manage:catalogue:municipality'
    : 'read:catalogue:municipality';
  return (
    <RequirePermission permission={permission}>
      <CataloguePage
        versionId={version}
        onVersionChange={(next) => void navigate({ search: next ? { version: next } : {} })}
      />
    </RequirePermission>
  );
}
