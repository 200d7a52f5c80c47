import { queryOptions } from '@tanstack/react-query';
import type { TFamilyView } from '../../../shared/schemas/family-views';
import { api } from '../../api';

export const familyQuery = (childId: string) =>
  queryOptions({
    queryKey: ['family', childId],
    queryFn: () => api.get<TFamilyView>(`/api/v1/children/${childId}/family`),
  });
