/** One shared load, forgotten when it fails so that the next call tries again (a CDN hiccup is not forever). */
export function retryable<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined
  return () =>
    (pending ||= load().catch((error: unknown) => {
      pending = undefined
      throw error
    }))
}
