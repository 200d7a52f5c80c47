import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { decodeMeasurement, type TMeasurementWire } from '../../../shared/measurement-wire';
import type { TCsvStyle } from '../../../shared/schemas/common';
import { api, withQuery } from '../../api';
import type { TMeasurementParams, TMeasurementResponse } from './types';

type TWire = Record<string, string | undefined>;

const list = (values: readonly string[] | undefined) =>
  values && values.length > 0 ? values.join(',') : undefined;

/** Lists as the API reads them: comma-separated, left out when empty. */
export function toWire(params: TMeasurementParams): TWire {
  return {
    groupBy: list(params.groupBy),
    periods: list(params.periods),
    themes: list(params.themes),
    unitIds: list(params.unitIds),
    districtIds: list(params.districtIds),
    ageBands: list(params.ageBands),
    genders: list(params.genders),
    baselinePeriod: params.baselinePeriod,
  };
}

export const measurementQuery = (params: TMeasurementParams, enabled = true) =>
  queryOptions({
    queryKey: ['measurement', toWire(params)],
    queryFn: async (): Promise<TMeasurementResponse> =>
      decodeMeasurement(await api.get<TMeasurementWire>('/api/v1/measurement', toWire(params))),
    placeholderData: keepPreviousData,
    enabled,
  });

/** The same figures as a file; the server applies the same suppression as on screen. */
export function measurementExportUrl(
  format: 'csv' | 'xlsx',
  params: TMeasurementParams,
  csv?: TCsvStyle,
): string {
  return withQuery('/api/v1/measurement/export', { format, csv, ...toWire(params) });
}
