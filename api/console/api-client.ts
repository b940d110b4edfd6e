// The console is a client of the API: a page reads and decides through the same routes, with the
// same authentication, roles, validation and audit as any integration, called in-process. The
// signed-in person reaches `authenticate` as a Symbol-keyed entry of Hono's env, which no network
// request can carry (the Node server's env holds only its own objects).
import type { Context } from 'hono';
import type { Actor } from '../../domain/lifecycle/index.js';
import { CONSOLE_ACTOR } from '../http/auth.js';

export { CONSOLE_ACTOR };

export interface ApiError {
  code: string;
  message: string;
  /** For VALIDATION_FAILED: one { path, message } per bad field. */
  details?: unknown;
}

export type ApiResult<T> =
  | { ok: true; status: number; data: T; headers: Headers }
  | { ok: false; status: number; error: ApiError; headers: Headers };

export type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined | null>;

export interface ConsoleApi {
  get<T>(path: string, query?: Query, headers?: Record<string, string>): Promise<ApiResult<T>>;
  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResult<T>>;
  put<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResult<T>>;
  patch<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResult<T>>;
  delete<T>(path: string, headers?: Record<string, string>): Promise<ApiResult<T>>;
  /** The API's own response (CSV, attachments). */
  raw(path: string, init?: RequestInit): Promise<Response>;
}

export type AppFetch = (request: Request, env: Record<symbol, unknown>) => Response | Promise<Response>;

/** `?a=1&b=x&b=y`; arrays repeat the name, empty values are left out. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, String(one));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** An API client acting as `actor`, its requests addressed at `origin` (the console request's own). */
export function consoleApi(fetch: AppFetch, actor: Actor, origin: string, requestId?: string): ConsoleApi {
  const raw = async (path: string, init: RequestInit = {}) => {
    if (!path.startsWith('/v1/')) throw new RangeError(`the console calls the API (/v1/…), not ${path}`);
    const headers = new Headers(init.headers);
    if (requestId) headers.set('x-request-id', requestId);
    return fetch(new Request(new URL(path, origin), { ...init, headers }), { [CONSOLE_ACTOR]: actor });
  };
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> => {
    const init: RequestInit = { method, headers: { accept: 'application/json', ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await raw(path, init);
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (response.ok) return { ok: true, status: response.status, data: parsed as T, headers: response.headers };
    const error = (parsed as { error?: ApiError } | undefined)?.error ?? { code: 'INTERNAL', message: `HTTP ${response.status}` };
    return { ok: false, status: response.status, error, headers: response.headers };
  };
  return {
    get: (path, query, headers) => call('GET', `${path}${queryString(query)}`, undefined, headers),
    post: (path, body, headers) => call('POST', path, body ?? {}, headers),
    put: (path, body, headers) => call('PUT', path, body ?? {}, headers),
    patch: (path, body, headers) => call('PATCH', path, body ?? {}, headers),
    delete: (path, headers) => call('DELETE', path, undefined, headers),
    raw,
  };
}
