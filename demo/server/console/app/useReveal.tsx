import { useState } from 'preact/hooks'
import type { Revealed } from '../revealRoutes'
import { getJson } from './api'

/**
 * "Show number" for a view: full numbers by request id, fetched one at a
 * time on the owner's click (each one is logged on the server), kept only
 * while the view is open.
 */
export function useReveal() {
  const [shown, setShown] = useState<ReadonlyMap<string, Revealed>>(new Map())
  const [error, setError] = useState<string>()
  const reveal = async (id: string) => {
    try {
      const number = await getJson<Revealed>('/requests/' + encodeURIComponent(id) + '/reveal', { method: 'POST' })
      setShown((before) => new Map(before).set(id, number))
      setError(undefined)
    } catch (e) {
      setError((e as Error).message)
    }
  }
  return { shown, reveal, error }
}
export type Reveal = ReturnType<typeof useReveal>

/** A number as the page shows it: masked, or, once revealed, in full as a link that dials it. */
export function NumberText(props: { masked: string; revealed?: Revealed }) {
  return props.revealed ? <a href={'tel:' + props.revealed.phone}>{props.revealed.display}</a> : <>{props.masked}</>
}
