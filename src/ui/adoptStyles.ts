/**
 * Adds styles to a shadow root through a constructable stylesheet, which a page's
 * CSP without `'unsafe-inline'` allows (a `<style>` element it would block).
 * Browsers without them (Safari before 16.4) get a `<style>` element.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  } catch {
    const style = document.createElement('style')
    style.textContent = css
    root.appendChild(style)
  }
}
