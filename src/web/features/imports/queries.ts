import { queryOptions } from '@tanstack/react-query';
import type { TAssessmentImport, TImportFormat } from '../../../shared/schemas/imports';
import { api } from '../../api';

const FINISHED = new Set(['done', 'failed']);

/** One import, polled every half second until it is done or failed (the job runs on the server). */
export const importQuery = (id: string) =>
  queryOptions({
    queryKey: ['imports', id],
    queryFn: () => api.get<TAssessmentImport>(`/api/v1/assessment-imports/${id}`),
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 500),
  });

export interface TStartImport {
  roundId: string;
  format: TImportFormat;
  fileName: string;
  /** The file's bytes as base64 (the API takes JSON only). */
  content: string;
}

export const startImport = (body: TStartImport) =>
  api.post<{ id: string }>('/api/v1/assessment-imports', { ...body, mode: 'joint' });
