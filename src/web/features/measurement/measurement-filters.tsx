import { Button, Group, NativeSelect } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from './format';
import { AGE_BANDS, GENDERS, type TAgeBand, type TGender, type TMeasurementFilters } from './types';

export interface TPlaceOptions {
  /** The choice meaning "everyone this user may see": the municipality, or a leader's own units. */
  allLabel: string;
  districts: { id: string; name: string }[];
  units: { id: string; name: string }[];
}

interface TMeasurementFiltersProps {
  value: TMeasurementFilters;
  onChange: (filters: TMeasurementFilters) => void;
  periods: string[];
  places: TPlaceOptions;
}

/** Period range, population (age band, gender, district or unit) and baseline; applied on "Vis". */
export function MeasurementFiltersForm({ value, onChange, periods, places }: TMeasurementFiltersProps) {
  const { t, i18n } = useTranslation('measurement');
  const lng = i18n.language;
  const [draft, setDraft] = useState<TMeasurementFilters>(value);

  // Back/forward changes the address; the form follows it.
  useEffect(() => setDraft(value), [value]);

  function set<K extends keyof TMeasurementFilters>(key: K, v: string) {
    setDraft((d) => ({ ...d, [key]: v || undefined }));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // A reversed range is read the way it was meant.
    const { from, to } = draft;
    onChange(from && to && from > to ? { ...draft, from: to, to: from } : draft);
  }

  const periodOptions = periods.map((p) => ({ value: p, label: formatPeriod(p, lng) }));
  const placeData = [
    { value: '', label: places.allLabel },
    ...(places.districts.length > 0
      ? [
          {
            group: t('filters.districts'),
            items: places.districts.map((d) => ({ value: `district:${d.id}`, label: d.name })),
          },
        ]
      : []),
    ...(places.units.length > 0
      ? [
          {
            group: t('filters.units'),
            items: places.units.map((u) => ({ value: `unit:${u.id}`, label: u.name })),
          },
        ]
      : []),
  ];

  return (
    <search aria-label={t('filters.label')}>
      <form onSubmit={onSubmit}>
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('filters.from')}
            value={draft.from ?? periods[0] ?? ''}
            onChange={(e) => set('from', e.currentTarget.value)}
            data={periodOptions}
          />
          <NativeSelect
            label={t('filters.to')}
            value={draft.to ?? periods[periods.length - 1] ?? ''}
            onChange={(e) => set('to', e.currentTarget.value)}
            data={periodOptions}
          />
          <NativeSelect
            label={places.districts.length > 0 ? t('filters.place') : t('filters.unit')}
            value={draft.place ?? ''}
            onChange={(e) => set('place', e.currentTarget.value)}
            data={placeData}
            miw={220}
          />
          <NativeSelect
            label={t('filters.ageBand')}
            value={draft.ageBand ?? ''}
            description={t('filters.oneOfAgeOrGender')}
            onChange={(e) => {
              // Figures for one age band of one gender are not offered: they could single out a child.
              const band = e.currentTarget.value;
              setDraft((d) => ({
                ...d,
                ageBand: (band || undefined) as TAgeBand | undefined,
                gender: band ? undefined : d.gender,
              }));
            }}
            data={[
              { value: '', label: t('filters.allAges') },
              ...AGE_BANDS.map((b) => ({ value: b, label: t('ageBand', { band: b.replace('-', '–') }) })),
            ]}
          />
          <NativeSelect
            label={t('filters.gender')}
            value={draft.gender ?? ''}
            description={t('filters.oneOfAgeOrGender')}
            onChange={(e) => {
              const gender = e.currentTarget.value;
              setDraft((d) => ({
                ...d,
                gender: (gender || undefined) as TGender | undefined,
                ageBand: gender ? undefined : d.ageBand,
              }));
            }}
            data={[
              { value: '', label: t('filters.allGenders') },
              ...GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) })),
            ]}
          />
          <NativeSelect
            label={t('filters.baseline')}
            value={draft.baseline ?? ''}
            onChange={(e) => set('baseline', e.currentTarget.value)}
            data={[
              { value: '', label: t('filters.baselineDefault', { period: periodOptions[0]?.label ?? '' }) },
              { value: 'none', label: t('filters.noBaseline') },
              ...periodOptions,
            ]}
          />
          <Button type="submit">{t('filters.submit')}</Button>
        </Group>
      </form>
    </search>
  );
}
