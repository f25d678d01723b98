import { useEffect } from 'react'
import { init } from 'ringback'

/**
 * Starts ringback (the callback widget and form capture) while mounted and
 * removes it on unmount. Effects run in the browser only: server rendering
 * never calls init().
 */
export function Ringback({ site, api }) {
  useEffect(() => {
    const rb = init({ site, api })
    return () => rb.destroy()
  }, [site, api])
  return null
}
