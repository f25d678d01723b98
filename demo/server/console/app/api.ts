import { loadSession, saveSession } from './session'

/** An answer the API refused, with its contract error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

let onSignedOut: () => void = () => undefined
/** Called when the server says the session is over (expired, revoked). */
export const whenSignedOut = (listener: () => void) => void (onSignedOut = listener)

/** Calls the console API with the session's bearer token; same origin, no cookies (`credentials: 'omit'`). */
export async function api(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const session = loadSession()
  const response = await fetch('/console/api' + path, {
    method: init.method || 'GET',
    credentials: 'omit',
    cache: 'no-store',
    headers: {
      ...(session && { Authorization: 'Bearer ' + session.token }),
      ...(init.body !== undefined && { 'Content-Type': 'application/json' })
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  })
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }
    if (response.status === 401 && session) {
      saveSession(undefined)
      onSignedOut()
    }
    throw new ApiError(response.status, body.error?.code || 'error', body.error?.message || 'Something went wrong (' + response.status + ').')
  }
  return response
}

/** The JSON of a successful call. */
export const getJson = async <T>(path: string, init?: Parameters<typeof api>[1]): Promise<T> => (await api(path, init)).json() as Promise<T>
