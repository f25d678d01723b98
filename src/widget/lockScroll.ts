/**
 * Stops the page scrolling behind the phone sheet, iOS Safari included
 * (which scrolls a `<body>` with `overflow: hidden`): the body is fixed at
 * its scrolled offset. The returned function puts back every style it set,
 * as it was (value and priority), and the exact scroll position, without a
 * smooth-scroll animation the page may have asked for.
 */
export function lockScroll(): () => void {
  const body = document.body
  const html = document.documentElement
  const x = scrollX
  const y = scrollY
  const had = [body.hasAttribute('style'), html.hasAttribute('style')]
  const set: Record<string, string> = { position: 'fixed', top: -y + 'px', left: -x + 'px', right: '0', overflow: 'hidden' }
  const saved = Object.keys(set).map((name) => [name, body.style.getPropertyValue(name), body.style.getPropertyPriority(name)] as const)
  const behaviour = [html.style.getPropertyValue('scroll-behavior'), html.style.getPropertyPriority('scroll-behavior')] as const
  for (const name in set) body.style.setProperty(name, set[name]!, 'important')
  return () => {
    for (const [name, value, priority] of saved) {
      if (value) body.style.setProperty(name, value, priority)
      else body.style.removeProperty(name)
    }
    html.style.setProperty('scroll-behavior', 'auto', 'important')
    scrollTo(x, y)
    if (behaviour[0]) html.style.setProperty('scroll-behavior', behaviour[0], behaviour[1])
    else html.style.removeProperty('scroll-behavior')
    // A `style` attribute the SDK created (empty now) goes too.
    ;[body, html].forEach((el, i) => had[i] || el.getAttribute('style') !== '' || el.removeAttribute('style'))
  }
}
