export interface TAuditEvent {
  seq: number | string;
  at: string;
  userId: string | null;
  userName: string | null;
  role: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  childId: string | null;
  purpose: string | null;
  ip: string | null;
  reason: string | null;
}

export interface TAuditFilters {
  userId?: string;
  childId?: string;
  from?: string;
  to?: string;
}

export interface TAuditSearch extends TAuditFilters {
  page?: number;
}
