import type { TLocale } from '../../shared/i18n/errors.ts';
import type { TPermission, TRole } from '../../shared/permissions.ts';
import type { Db } from '../db/client.ts';
import type { AuditWriter } from '../modules/audit/audit-writer.ts';
import type { CprCipher } from '../modules/children/cpr.ts';

export interface TRoleAssignment {
  role: TRole;
  unitId: string | null;
  unitName: string | null;
  teamId: string | null;
}

/** A permission held through one role assignment: the unit it is scoped to, if any. */
export interface TGrant {
  permission: TPermission;
  role: TRole;
  unitId: string | null;
}

export interface TSessionUser {
  sessionKey: Buffer;
  userId: string;
  municipalityId: string;
  municipalityName: string;
  name: string;
  email: string;
  locale: TLocale;
  csrfToken: string;
  lastSeenAt: Date;
  roles: TRoleAssignment[];
  grants: TGrant[];
  permissions: Set<TPermission>;
}

/** What the server offers every use-case. */
export interface TDeps {
  db: Db;
  audit: AuditWriter;
  cipher: CprCipher;
  /**
   * Asks the information-notice job to run now, after a recording committed (issue 23). Without it (tests,
   * a server without a job queue) the recording's notices are written in this process.
   */
  dispatchNotices?: (municipalityId: string) => Promise<void>;
}

/** One authenticated request: who, from where, in which language, with which tools. */
export interface TCtx extends TDeps {
  user: TSessionUser;
  ip: string;
  locale: TLocale;
}
