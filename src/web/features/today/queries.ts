import { queryOptions } from '@tanstack/react-query';
import type { TToday } from '../../../shared/schemas/today';
import { api } from '../../api';

export type { TSetupStep, TToday, TTodayItem, TTodayKeyFigure } from '../../../shared/schemas/today';

export const todayQuery = queryOptions({
  queryKey: ['today'],
  queryFn: () => api.get<TToday>('/api/v1/today'),
});
