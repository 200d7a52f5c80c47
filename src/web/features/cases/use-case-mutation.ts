import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCase } from '../../../shared/schemas/cases';
import { caseQuery } from './queries';

/** A write to the case: the answer is the case as it now stands, so the page shows it at once. */
export function useCaseMutation<I>(caseId: string, fn: (input: I) => Promise<TCase>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => {
      client.setQueryData(caseQuery(caseId).queryKey, c);
      void client.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

/** Today in Denmark: the day the server counts "held" dates against. */
export { danishToday as todayIso } from '../../components/check-input';
