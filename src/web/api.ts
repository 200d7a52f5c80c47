/**
 * Fetch wrapper for /api/v1: JSON in and out, same-origin cookies, the CSRF token on state-changing
 * requests, and the contract's error envelope turned into a typed ApiError.
 */
export interface TApiErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
  /** Row-by-row problems of a file (imports). */
  rows?: { row: number; field: string; message: string }[];
  omitted?: number;
  /** An app path to what the request ran into, e.g. the case already opened from a notification. */
  link?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly rows: NonNullable<TApiErrorBody['rows']>;
  readonly omitted: number;
  readonly link: string | null;

  constructor(status: number, body: TApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
    this.rows = body.rows ?? [];
    this.omitted = body.omitted ?? 0;
    this.link = body.link ?? null;
  }
}

export type { TPage } from '../shared/schemas/common';

// Kept in memory only: a page reload fetches it again from /auth/me.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type TMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type TQuery = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: TQuery = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function parseError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: TApiErrorBody };
    if (body.error?.message) return new ApiError(response.status, body.error);
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to a generic error.
  }
  return new ApiError(response.status, { code: `HTTP_${response.status}`, message: '' });
}

export async function request<T>(method: TMethod, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '' });
  }
  if (!response.ok) throw await parseError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: TQuery) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
};
