import { createRoute, lazyRouteComponent, useNavigate } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { can, useMe } from '../features/auth/session';
import { AGE_BANDS, GENDERS, type TMeasurementSearch } from '../features/measurement/types';
import { appRoute } from './app-layout';
import { optionalText } from './search-params';

const MeasurementPage = lazyRouteComponent(
  () => import('../features/measurement/measurement-page'),
  'MeasurementPage',
);

const period = (value: unknown) => {
  const text = optionalText(value);
  return text && /^\d{4}H[12]$/.test(text) ? text : undefined;
};
const place = (value: unknown) => {
  const text = optionalText(value);
  return text && /^(unit|district):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)
    ? text
    : undefined;
};
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.find((v) => v === optionalText(value));
const codes = (value: unknown): string[] | undefined => {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string') return undefined;
  return value.split(',').filter((v) => /^[a-z0-9-]{1,40}$/.test(v));
};

export const measurementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/maaling',
  validateSearch: (search: Record<string, unknown>): TMeasurementSearch => ({
    from: period(search.from),
    to: period(search.to),
    ageBand: oneOf(AGE_BANDS, search.ageBand),
    gender: oneOf(GENDERS, search.gender),
    place: place(search.place),
    baseline: search.baseline === 'none' ? 'none' : period(search.baseline),
    themes: codes(search.themes),
    compare: oneOf(['unit', 'district'] as const, search.compare),
    compareTheme: optionalText(search.compareTheme),
  }),
  component: MeasurementRoutePage,
});

function MeasurementRoutePage() {
  const me = useMe();
  const search = measurementRoute.useSearch();
  const navigate = useNavigate({ from: measurementRoute.fullPath });
  // Either permission opens the page; the server decides which units the figures cover.
  const permission = can(me, 'read:measurement:municipality')
    ? 'read:measurement:municipality'
    : 'read:measurement:unit';
  return (
    <RequirePermission permission={permission}>
      <MeasurementPage search={search} onSearchChange={(next) => void navigate({ search: next })} />
    </RequirePermission>
  );
}
