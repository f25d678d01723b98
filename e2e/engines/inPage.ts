import { computeAccessibleName, getRole, isInaccessible } from 'dom-accessibility-api'

// What the engine suites ask of a page, bundled (queries.ts) and run in the
// page by either driver: elements by role and accessible name, as a person
// with a screen reader finds them, through open shadow roots (the widget's).

/** Every element of `root` and of the open shadow roots in it, in tree order. */
function* walk(root: Document | ShadowRoot): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element
    if (element.shadowRoot) yield* walk(element.shadowRoot)
  }
}

const nameOf = (element: Element) => computeAccessibleName(element).replace(/\s+/g, ' ').trim()

/** The first element shown to people with that role whose accessible name matches. */
export function find(role: string, name: string, flags: string): Element | null {
  const pattern = new RegExp(name, flags)
  for (const element of walk(document)) {
    if (getRole(element) === role && element.getClientRects().length > 0 && !isInaccessible(element) && pattern.test(nameOf(element))) return element
  }
  return null
}

/** The focused element, looked for through shadow roots; `null` when it is the page itself. */
export function focused(): { role: string; name: string; inDialog: boolean } | null {
  let element = document.activeElement
  while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement
  if (!element || element === document.body || element === document.documentElement) return null
  return { role: getRole(element) || element.localName, name: nameOf(element), inDialog: !!element.closest('[role=dialog]') }
}
