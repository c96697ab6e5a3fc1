import i18n from '../i18n';

/** The server's uniform error: a stable code and a message in each language. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly messages: Record<string, string>, readonly field?: string, readonly details?: unknown[]) {
    super(messages[i18n.language] ?? messages.vi ?? code);
  }
}

/** The header a read-only display token (the wall's) is sent in; none for a signed-in session. */
export const bearer = (token?: string) => (token ? { authorization: `Bearer ${token}` } : undefined);

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

/** A JSON call, or a multipart form when the body is FormData (the browser sets its boundary). */
export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language, ...init.headers };
  const isForm = init.body instanceof FormData;
  if (init.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const body = init.body === undefined ? undefined : isForm ? (init.body as FormData) : JSON.stringify(init.body);
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const e = data?.error;
    throw new ApiError(response.status, e?.code ?? 'internal', e?.messages ?? { vi: `Lỗi ${response.status}`, en: `Error ${response.status}` }, e?.field, e?.details);
  }
  return data as T;
}
