/**
 * Saves text as a file made in the browser: a `Blob` behind an object URL
 * and a link with `download`, so nothing is requested and a CSP that allows
 * no inline script or foreign origin has nothing to refuse.
 */
export function downloadFile(name: string, type: string, text: string, within: Node): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  // Clicked inside the widget's shadow root, where the page's listeners see only the widget.
  within.appendChild(link)
  link.click()
  link.remove()
  // Some browsers start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}
