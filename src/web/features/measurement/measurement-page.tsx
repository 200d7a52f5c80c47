import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TPolicyTheme } from '../../../shared/schemas/factor-catalogue';
import { api } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { can, useMe } from '../auth/session';
import { districtsQuery, unitsQuery } from '../org/queries';
import { ComparisonSection } from './comparison-section';
import { DefinitionsPanel } from './definitions';
import { ExportButtons } from './export-buttons';
import { formatPeriod, periodsBetween } from './format';
import { latestShownPeriod } from './latest-shown-period';
import { MeasurementFiltersForm, type TPlaceOptions } from './measurement-filters';
import { seriesStyle } from './palette';
import { ProfileSection } from './profile-section';
import { measurementQuery } from './queries';
import { TrendSection, type TThemeOption } from './trend-section';
import type { TMeasurementFilters, TMeasurementParams, TMeasurementRow, TMeasurementSearch } from './types';
import './measurement.css';

const policyThemesQuery = {
  queryKey: ['policy-themes'],
  queryFn: () => api.get<{ items: TPolicyTheme[] }>('/api/v1/policy-themes'),
  staleTime: 5 * 60_000,
};

interface TMeasurementPageProps {
  search: TMeasurementSearch;
  onSearchChange: (next: TMeasurementSearch) => void;
}

/** 'all' first, then the municipality's own order of its policy themes, then anything else by name. */
function themeOptions(
  rows: TMeasurementRow[],
  catalogue: TPolicyTheme[] | undefined,
  lng: string,
): TThemeOption[] {
  const labels = new Map<string, string>();
  for (const r of rows) if (r.keys.theme) labels.set(r.keys.theme, r.labels.theme ?? r.keys.theme);
  const order = new Map((catalogue ?? []).map((c, i) => [c.code, i]));
  const codes = [...labels.keys()].sort((a, b) => {
    if (a === 'all' || b === 'all') return a === 'all' ? -1 : 1;
    const oa = order.get(a) ?? Number.MAX_SAFE_INTEGER;
    const ob = order.get(b) ?? Number.MAX_SAFE_INTEGER;
    return oa - ob || (labels.get(a) ?? a).localeCompare(labels.get(b) ?? b, lng === 'en' ? 'en' : 'da');
  });
  return codes.map((code, i) => ({ code, label: labels.get(code) ?? code, ...seriesStyle(i) }));
}

export function MeasurementPage({ search, onSearchChange }: TMeasurementPageProps) {
  const { t, i18n } = useTranslation('measurement');
  const lng = i18n.language;
  usePageTitle(t('title'));
  const me = useMe();
  const wholeMunicipality = can(me, 'read:measurement:municipality');

  // A unit leader sees the units they lead; the server holds them to that whatever is asked.
  const leaderUnits = wholeMunicipality
    ? []
    : [
        ...new Map(
          (me?.roles ?? [])
            .filter((r) => r.role === 'unitLeader' && r.unitId)
            .map((r) => [r.unitId ?? '', { id: r.unitId ?? '', name: r.unitName ?? r.unitId ?? '' }]),
        ).values(),
      ].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const readOrg = wholeMunicipality && can(me, 'read:org:municipality');
  const units = useQuery({ ...unitsQuery, enabled: readOrg });
  const districts = useQuery({ ...districtsQuery, enabled: readOrg });
  const catalogue = useQuery({ ...policyThemesQuery, enabled: can(me, 'read:catalogue:municipality') });

  const periodRows = useQuery(measurementQuery({ groupBy: ['period'] }));
  const available = [
    ...new Set((periodRows.data?.rows ?? []).map((r) => r.keys.period ?? '').filter(Boolean)),
  ].sort();
  // Opened without a chosen end, the page ends on the newest period with figures shown.
  const range = periodsBetween(
    available,
    search.from,
    search.to ?? latestShownPeriod(periodRows.data?.rows ?? []),
  );
  const latest = range[range.length - 1];
  const baseline =
    search.baseline === 'none'
      ? undefined
      : (search.baseline ?? (available.length > 1 && available[0] !== latest ? available[0] : undefined));

  // The place must be one this user may choose; anything else typed into the address is ignored.
  const places: TPlaceOptions = wholeMunicipality
    ? {
        allLabel: t('filters.wholeMunicipality'),
        districts: districts.data ?? [],
        units: units.data ?? [],
      }
    : { allLabel: t('filters.allMyUnits'), districts: [], units: leaderUnits };
  // Figures are never added up over units (decision 022): a leader of several units sees one at a time.
  const defaultPlace = !wholeMunicipality && leaderUnits.length > 1 ? `unit:${leaderUnits[0]?.id}` : '';
  const [placeKind, placeId] = (search.place ?? defaultPlace).split(':') as [string, string | undefined];
  const place =
    placeKind === 'unit' && placeId && (wholeMunicipality || leaderUnits.some((u) => u.id === placeId))
      ? { unitIds: [placeId] }
      : placeKind === 'district' && placeId && wholeMunicipality
        ? { districtIds: [placeId] }
        : {};
  const placeName =
    'unitIds' in place
      ? (places.units.find((u) => u.id === placeId)?.name ?? t('filters.oneUnit'))
      : 'districtIds' in place
        ? (places.districts.find((d) => d.id === placeId)?.name ?? t('filters.oneDistrict'))
        : null;
  const population: Pick<TMeasurementParams, 'ageBands' | 'genders'> = {
    ageBands: search.ageBand ? [search.ageBand] : undefined,
    genders: search.gender && !search.ageBand ? [search.gender] : undefined,
  };
  const populationOf = (where: string) =>
    [
      where,
      search.ageBand ? t('ageBand', { band: search.ageBand.replace('-', '–') }) : null,
      search.gender ? t(`genderPlural.${search.gender}`) : null,
    ]
      .filter(Boolean)
      .join(', ');
  const allLabel = wholeMunicipality ? t('filters.wholeMunicipality') : t('filters.allMyUnits');
  const populationLabel = populationOf(placeName ?? allLabel);

  const ready = available.length > 0 && latest !== undefined;
  const trendParams: TMeasurementParams = {
    groupBy: ['theme', 'period'],
    periods: search.from || search.to ? range : undefined,
    ...population,
    ...place,
  };
  const trend = useQuery(measurementQuery(trendParams, ready));
  const profileParams: TMeasurementParams = {
    groupBy: ['theme'],
    periods: latest ? [latest] : undefined,
    ...population,
    ...place,
  };
  const profile = useQuery(measurementQuery(profileParams, ready));
  const referenceParams: TMeasurementParams = {
    ...profileParams,
    unitIds: undefined,
    districtIds: undefined,
  };
  const hasPlace = placeName !== null && wholeMunicipality;
  const reference = useQuery(measurementQuery(referenceParams, ready && hasPlace));

  const themes = themeOptions(trend.data?.rows ?? [], catalogue.data?.items, lng);
  const selectedThemes = search.themes ?? themes.map((x) => x.code);
  const compareBy = wholeMunicipality && search.compare === 'district' ? 'district' : 'unit';
  const compareTheme =
    search.compareTheme && themes.some((x) => x.code === search.compareTheme) ? search.compareTheme : 'all';
  const comparisonParams: TMeasurementParams = {
    groupBy: [compareBy],
    themes: [compareTheme],
    periods: latest ? [latest] : undefined,
    ...population,
    // Comparing units inside a chosen district keeps to that district; otherwise every unit or district.
    ...(compareBy === 'unit' && 'districtIds' in place ? place : {}),
    baselinePeriod: baseline,
  };
  const comparison = useQuery(measurementQuery(comparisonParams, ready));
  const definition =
    trend.data?.definition ?? periodRows.data?.definition ?? comparison.data?.definition ?? {};

  const filters: TMeasurementFilters = {
    from: search.from,
    to: search.to,
    ageBand: search.ageBand,
    gender: search.gender,
    place: search.place,
    baseline: search.baseline,
  };
  const loading = periodRows.isLoading || trend.isLoading || profile.isLoading || comparison.isLoading;
  const error = periodRows.error ?? trend.error ?? profile.error ?? reference.error ?? comparison.error;

  let status = '';
  if (loading) status = t('status.loading');
  else if (periodRows.data && !ready) status = t('status.empty');
  else if (ready)
    status = t('status.showing', {
      from: formatPeriod(range[0] ?? '', lng),
      to: formatPeriod(latest, lng),
      population: populationLabel,
    });

  return (
    <>
      <Title order={1} mb="xs">
        {t('title')}
      </Title>
      <Text mb="md" maw={880}>
        {definition.parameter?.text ?? t('intro')}
      </Text>
      {ready ? (
        <>
          <MeasurementFiltersForm
            value={filters}
            onChange={(next) => onSearchChange({ ...search, ...next })}
            periods={available}
            places={places}
          />
          <ExportButtons
            params={{ ...trendParams, baselinePeriod: baseline }}
            label={t('export.trendLabel')}
          />
        </>
      ) : null}
      <ErrorAlert error={error} />
      <Text role="status" mt="md" mb="md" fw={500}>
        {status}
      </Text>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, xl: 9 }}>
          {periodRows.data && !ready ? (
            <Paper withBorder p="lg" data-testid="measurement-empty">
              <Title order={2} size="h3" mb="xs">
                {t('empty.title')}
              </Title>
              <Text>{wholeMunicipality ? t('empty.body') : t('empty.bodyLeader')}</Text>
            </Paper>
          ) : null}
          {ready && latest ? (
            <Stack gap={48}>
              {trend.data && trend.data.rows.length > 0 ? (
                <TrendSection
                  rows={trend.data.rows}
                  periods={range}
                  themes={themes}
                  selected={selectedThemes}
                  onSelectedChange={(codes) => onSearchChange({ ...search, themes: codes })}
                  definition={definition}
                />
              ) : trend.data ? (
                <Text>{t('trend.empty')}</Text>
              ) : null}
              {profile.data && profile.data.rows.length > 0 ? (
                <ProfileSection
                  themes={themes}
                  period={latest}
                  population={{ key: 'population', label: populationLabel, rows: profile.data.rows }}
                  reference={
                    hasPlace && reference.data
                      ? { key: 'reference', label: populationOf(allLabel), rows: reference.data.rows }
                      : null
                  }
                  definition={definition}
                  canNarrow={wholeMunicipality || leaderUnits.length > 1}
                />
              ) : null}
              <ComparisonSection
                rows={comparison.data?.rows}
                loading={comparison.isLoading}
                compareBy={compareBy}
                onCompareByChange={(by) => onSearchChange({ ...search, compare: by })}
                canCompareDistricts={wholeMunicipality}
                themes={
                  themes.length > 0 ? themes : [{ code: 'all', label: t('allThemes'), ...seriesStyle(0) }]
                }
                theme={compareTheme}
                onThemeChange={(code) => onSearchChange({ ...search, compareTheme: code })}
                period={latest}
                baseline={baseline}
                exportParams={comparisonParams}
                definition={definition}
              />
            </Stack>
          ) : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 3 }}>
          <DefinitionsPanel definition={definition} />
        </Grid.Col>
      </Grid>
    </>
  );
}
