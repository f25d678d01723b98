import { useEffect, useState } from 'preact/hooks'

/** Loads data for a view and reloads it when `deps` change; `reload` refreshes it after a change. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string>()
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let current = true
    setError(undefined)
    load()
      .then((value) => current && setData(value))
      .catch((e: Error) => current && setError(e.message))
    return () => void (current = false)
  }, [...deps, version])
  return { data, error, reload: () => setVersion((v) => v + 1) }
}
