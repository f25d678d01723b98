/** A signed-in session as the page keeps it: only in this tab's sessionStorage, never in a cookie. */
export interface Session {
  token: string
  siteId: string
  expiresAt: string
}

const KEY = 'ringback-console-session'

/** sessionStorage may be unavailable (privacy modes): then the session lives as long as the page. */
let memory: Session | undefined

export function loadSession(): Session | undefined {
  try {
    const text = sessionStorage.getItem(KEY)
    const session = text ? (JSON.parse(text) as Session) : memory
    return session && Date.parse(session.expiresAt) > Date.now() ? session : undefined
  } catch {
    return memory
  }
}

export function saveSession(session: Session | undefined): void {
  memory = session
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session))
    else sessionStorage.removeItem(KEY)
  } catch {
    // Kept in memory only.
  }
}
