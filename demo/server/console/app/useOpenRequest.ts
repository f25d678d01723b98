import { useEffect, useRef, useState } from 'preact/hooks'

/**
 * Which request of a list is open in its detail view. Back in the list,
 * focus returns to the "Details" button it was opened from, so that a
 * keyboard or screen reader user is where they left off.
 */
export function useOpenRequest() {
  const [open, setOpen] = useState<string>()
  const returnTo = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (open || !returnTo.current) return
    document.getElementById('open-' + returnTo.current)?.focus()
    returnTo.current = undefined
  }, [open])
  return {
    open,
    show: (row: { id: string }) => setOpen(row.id),
    back: () => {
      returnTo.current = open
      setOpen(undefined)
    }
  }
}
