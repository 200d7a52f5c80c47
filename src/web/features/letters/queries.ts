import { queryOptions } from '@tanstack/react-query';
import type { TLetterCounts, TLetterStatus, TLetterSummary } from '../../../shared/schemas/letters';
import { api, type TPage } from '../../api';

export const lettersQuery = (params: { page: number; status?: TLetterStatus }) =>
  queryOptions({
    queryKey: ['letters', params],
    queryFn: () =>
      api.get<TPage<TLetterSummary> & { counts: TLetterCounts }>('/api/v1/letters', {
        page: params.page,
        status: params.status,
      }),
    staleTime: 0,
    // Queued letters become sent within the minute: keep the list fresh while any is waiting.
    refetchInterval: (q) => ((q.state.data?.counts.queued ?? 0) > 0 ? 3000 : false),
  });

export function letterPdfUrl(id: string): string {
  return `/api/v1/letters/${encodeURIComponent(id)}/pdf`;
}

export function retryLetter(id: string): Promise<{ id: string; status: 'queued' }> {
  return api.post(`/api/v1/letters/${encodeURIComponent(id)}/retry`);
}
