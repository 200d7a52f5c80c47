export type { TDeadlineSettings, TMatchCandidate } from '../../../shared/schemas/notification-views';
export type {
  TNotificationDecision,
  TNotifierKind,
  TOwnNotification,
  TQueueItem,
} from '../../../shared/schemas/notifications';

export interface TNotificationDetail {
  id: string;
  reference: string;
  source: 'professional' | 'citizen';
  notifierKind: string | null;
  notifier: {
    anonymous: boolean;
    name: string | null;
    unitName: string | null;
    email: string | null;
    phone: string | null;
    relation: string | null;
  };
  concernId: string | null;
  child: {
    id: string | null;
    name: string | null;
    birthDate: string | null;
    matchedAt: string | null;
    matchedByName: string | null;
    given: {
      cprMasked: string | null;
      name: string | null;
      birthDate: string | null;
      address: string | null;
    };
  };
  description: string;
  receivedAt: string;
  assessmentDueAt: string;
  receiptDueOn: string | null;
  receiptQueuedAt: string | null;
  outcomeQueuedAt: string | null;
  escalatedAt: string | null;
  status: 'new' | 'assessed' | 'decided';
  overdue: boolean;
  assessment: {
    at: string;
    byName: string;
    healthAtRisk: boolean;
    acuteNeeded: boolean;
    note: string | null;
    inTime: boolean;
  } | null;
  decision: { decision: string; at: string; byName: string; note: string | null } | null;
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number }[];
  linked: { id: string; reference: string; source: string; receivedAt: string; decision: string | null }[];
  version: number;
}
