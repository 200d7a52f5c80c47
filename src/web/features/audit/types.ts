import type { TAuditFilter } from '../../../shared/schemas/audit';

// The event and the filters are the server's own types: one definition for both sides.
export type { TAuditEvent } from '../../../shared/schemas/audit-views';
export type TAuditFilters = TAuditFilter;

export interface TAuditSearch extends TAuditFilters {
  page?: number;
}
