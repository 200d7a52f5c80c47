import { queryOptions } from '@tanstack/react-query';
import type {
  TChildLeisurePasses,
  TGrantLeisurePassRequest,
  TLeisurePass,
  TLeisurePassSettings,
  TLeisurePassSettingsRequest,
  TUpdateLeisurePassRequest,
} from '../../../shared/schemas/leisure-passes';
import { api } from '../../api';

export const childLeisurePassesQuery = (childId: string) =>
  queryOptions({
    queryKey: ['leisure-passes', 'child', childId],
    queryFn: () => api.get<TChildLeisurePasses>(`/api/v1/children/${childId}/leisure-passes`),
  });

export const leisurePassSettingsQuery = queryOptions({
  queryKey: ['leisure-pass-settings'],
  queryFn: () => api.get<TLeisurePassSettings>('/api/v1/leisure-pass-settings'),
});

export const grantLeisurePass = (input: TGrantLeisurePassRequest) =>
  api.post<TLeisurePass>('/api/v1/leisure-passes', input);

export const updateLeisurePass = (id: string, input: TUpdateLeisurePassRequest) =>
  api.post<TLeisurePass>(`/api/v1/leisure-passes/${id}/status`, input);

export const updateLeisurePassSettings = (input: TLeisurePassSettingsRequest) =>
  api.put<TLeisurePassSettings>('/api/v1/leisure-pass-settings', input);
