import { queryOptions } from '@tanstack/react-query';
import type {
  TChildNotices,
  TNoticeException,
  TNoticeExceptionRequest,
  TNoticeFollowUp,
  TNoticeOverview,
  TNoticeSettings,
  TNoticeSettingsRequest,
  TNoticeText,
  TNoticeTexts,
  TPublishNoticeTextRequest,
} from '../../../shared/schemas/notices';
import { api } from '../../api';

const id = (value: string) => encodeURIComponent(value);

export const noticeTextsQuery = queryOptions({
  queryKey: ['notices', 'texts'],
  queryFn: () => api.get<TNoticeTexts>('/api/v1/notice-texts'),
});

export const childNoticesQuery = (childId: string) =>
  queryOptions({
    queryKey: ['notices', 'child', childId],
    queryFn: () => api.get<TChildNotices>(`/api/v1/children/${id(childId)}/notices`),
  });

export const noticeOverviewQuery = queryOptions({
  queryKey: ['notices', 'overview'],
  queryFn: () => api.get<TNoticeOverview>('/api/v1/notice-overview'),
});

export const noticeExceptionsQuery = (state: 'active' | 'ended') =>
  queryOptions({
    queryKey: ['notices', 'exceptions', state],
    queryFn: () => api.get<{ items: TNoticeException[] }>('/api/v1/notice-exceptions', { state }),
    select: (data) => data.items,
  });

export const noticeFollowUpsQuery = queryOptions({
  queryKey: ['notices', 'follow-ups'],
  queryFn: () => api.get<{ items: TNoticeFollowUp[] }>('/api/v1/notice-follow-ups'),
  select: (data) => data.items,
});

export const publishNoticeText = (body: TPublishNoticeTextRequest) =>
  api.post<TNoticeText>('/api/v1/notice-texts', body);

export const saveNoticeSettings = (body: TNoticeSettingsRequest) =>
  api.put<TNoticeSettings>('/api/v1/notice-settings', body);

export const recordNoticeException = (childId: string, body: TNoticeExceptionRequest) =>
  api.post<TNoticeException>(`/api/v1/children/${id(childId)}/notice-exceptions`, body);

export const endNoticeException = (exceptionId: string, note: string) =>
  api.post<TNoticeException>(`/api/v1/notice-exceptions/${id(exceptionId)}/end`, { note });

export const reviewNoticeException = (exceptionId: string, note: string) =>
  api.post<TNoticeException>(`/api/v1/notice-exceptions/${id(exceptionId)}/review`, { note });

export const followUpNotice = (noticeId: string, note: string) =>
  api.post<TNoticeFollowUp>(`/api/v1/notices/${id(noticeId)}/follow-up`, { note });
