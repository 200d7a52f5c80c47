import type { TMessageKey } from '../../shared/i18n/errors.ts';

export type TErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BODY_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'LOGIN_LOCKED'
  | 'RATE_LIMITED'
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STALE_VERSION'
  | 'CATALOGUE_PUBLISHED'
  | 'DRAFT_EXISTS'
  | 'NO_PUBLISHED_CATALOGUE'
  | 'ROUND_CLOSED'
  | 'JOINT_EXISTS'
  | 'OWN_EXISTS'
  | 'ASSESSMENT_LOCKED'
  | 'SIGN_EXISTS'
  | 'IMPORT_MALFORMED'
  | 'IMPORT_INVALID'
  | 'LETTER_NOT_FAILED'
  | 'CASE_CLOSED'
  | 'CASE_EXISTS'
  | 'CHANGE_NOT_PROPOSED'
  | 'CHANGE_OPEN_EXISTS'
  | 'NOTIFICATION_NOT_ASSESSED'
  | 'NOTIFICATION_DECIDED'
  | 'NOTIFICATION_CHILD_UNKNOWN'
  | 'OWN_ROLES'
  | 'GRANT_OWN_REQUEST'
  | 'GRANT_DECIDED'
  | 'OFFER_PAUSED'
  | 'OFFER_CLOSED'
  | 'REFERRAL_OPEN_EXISTS'
  | 'REFERRAL_TRANSITION'
  | 'LEISURE_PASS_OFF'
  | 'LEISURE_PASS_ROLE'
  | 'LEISURE_PASS_SETTLED'
  | 'EXCEPTION_ENDED'
  | 'NOTICE_NOT_FOLLOW_UP'
  | 'CONFERENCE_PHASE'
  | 'INTERNAL'
  | 'UNAVAILABLE';

const STATUS: Record<TErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BODY_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  LOGIN_LOCKED: 429,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  CATALOGUE_PUBLISHED: 409,
  DRAFT_EXISTS: 409,
  NO_PUBLISHED_CATALOGUE: 409,
  ROUND_CLOSED: 409,
  JOINT_EXISTS: 409,
  OWN_EXISTS: 409,
  ASSESSMENT_LOCKED: 409,
  SIGN_EXISTS: 409,
  IMPORT_MALFORMED: 400,
  IMPORT_INVALID: 400,
  LETTER_NOT_FAILED: 409,
  CASE_CLOSED: 409,
  CASE_EXISTS: 409,
  CHANGE_NOT_PROPOSED: 409,
  CHANGE_OPEN_EXISTS: 409,
  NOTIFICATION_NOT_ASSESSED: 409,
  NOTIFICATION_DECIDED: 409,
  NOTIFICATION_CHILD_UNKNOWN: 409,
  OWN_ROLES: 403,
  GRANT_OWN_REQUEST: 403,
  GRANT_DECIDED: 409,
  OFFER_PAUSED: 409,
  OFFER_CLOSED: 409,
  REFERRAL_OPEN_EXISTS: 409,
  REFERRAL_TRANSITION: 409,
  LEISURE_PASS_OFF: 409,
  LEISURE_PASS_ROLE: 403,
  LEISURE_PASS_SETTLED: 409,
  EXCEPTION_ENDED: 409,
  NOTICE_NOT_FOLLOW_UP: 409,
  CONFERENCE_PHASE: 409,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** A field-level problem: the message key and its parameters, translated when the reply is written. */
export interface TFieldProblem {
  key: TMessageKey;
  params?: Record<string, unknown>;
}

/** A problem in one row of an imported file (line 1 is the heading), translated when the reply is written. */
export interface TRowProblem extends TFieldProblem {
  row: number;
  field: string;
}

/** The one error type use-cases throw; mapped to HTTP in src/server/http/error-handler.ts. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: TErrorCode,
    readonly options: {
      fields?: Record<string, TFieldProblem>;
      params?: Record<string, unknown>;
      /** A file's row-by-row report (imports). */
      rows?: TRowProblem[];
      /** Problems counted but not listed in `rows`. */
      omitted?: number;
      /** Where what the request ran into can be found (an app path), e.g. the case that already exists. */
      link?: string;
    } = {},
  ) {
    super(code);
    this.status = STATUS[code];
  }
}

export function fieldError(field: string, key: TMessageKey, params?: Record<string, unknown>): AppError {
  return new AppError('VALIDATION_FAILED', { fields: { [field]: { key, params } } });
}
