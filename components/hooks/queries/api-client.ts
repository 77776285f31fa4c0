// One way to call the KPI API from the browser: GET with query parameters, JSON back, and the
// API's error shape { error: { code, message } } turned into an ApiError the pages can show.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field paths named by a 400 (settings validation), when the API gives them. */
    readonly fields: string[] = [],
    /** Each invalid field with its own message (settings validation). */
    readonly fieldErrors: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

export function apiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, a crash): fall back to the status line.
  }
  const error = (body as { error?: { code?: string; message?: string; fields?: unknown[]; details?: unknown } } | null)?.error;
  // Settings 400s list { field, message } per invalid field; plain names are accepted too.
  const fieldErrors = (Array.isArray(error?.fields) ? error.fields : []).map((f) =>
    f && typeof f === "object" ? { field: String((f as { field?: unknown }).field), message: String((f as { message?: unknown }).message) } : { field: String(f), message: "" },
  );
  const fields = fieldErrors.map((f) => f.field);
  return new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? `The server answered ${response.status} ${response.statusText}`.trim(),
    fields,
    fieldErrors,
  );
}

export async function apiGet<T>(path: string, params: QueryParams = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch(apiUrl(path, params), { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export async function apiSend<T>(method: "POST" | "PUT" | "DELETE", path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

/** POST of files as multipart/form-data; X-Requested-With is the CSRF proof of an upload (lib/auth/csrf.ts). */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const response = await fetch(path, { method: "POST", headers: { accept: "application/json", "x-requested-with": "fetch" }, body: form });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}
