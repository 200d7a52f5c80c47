import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { TCsvStyle } from '../../../shared/schemas/common';
import { api, type TPage, withQuery } from '../../api';
import type { TAuditEvent, TAuditFilters, TAuditSearch } from './types';

export const AUDIT_PAGE_SIZE = 50;

export const auditQuery = (search: TAuditSearch) =>
  queryOptions({
    queryKey: ['audit', search],
    queryFn: () =>
      api.get<TPage<TAuditEvent>>('/api/v1/audit', {
        ...search,
        page: search.page ?? 1,
        pageSize: AUDIT_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });

export function auditExportUrl(format: 'csv' | 'xlsx', filters: TAuditFilters, csv?: TCsvStyle): string {
  return withQuery('/api/v1/audit/export', { format, csv, ...filters });
}
