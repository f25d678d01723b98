/** What a view shows until its data is there: the error that stopped the load, or that it is on its way. */
export function LoadState(props: { error?: string }) {
  return props.error ? (
    <p class="error" role="alert">
      {props.error}
    </p>
  ) : (
    <p role="status">Loading…</p>
  )
}
