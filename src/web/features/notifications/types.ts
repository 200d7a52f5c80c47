export type {
  TDeadlineSettings,
  TMatchCandidate,
  TNotificationDetail,
} from '../../../shared/schemas/notification-views';
export type {
  TNotificationDecision,
  TNotifierKind,
  TOwnNotification,
  TQueueItem,
} from '../../../shared/schemas/notifications';
