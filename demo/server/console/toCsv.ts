/**
 * One CSV line (RFC 4180). A cell that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR at its start) gets a leading apostrophe:
 * page titles and campaign names come from the web, and an export must not
 * execute them (CSV injection). Masked numbers start with `+`, so they are
 * quoted the same way.
 */
export function toCsv(cells: (string | number | undefined)[]): string {
  return (
    cells
      .map((cell) => {
        let text = cell === undefined ? '' : String(cell)
        if (/^[=+\-@\t\r]/.test(text)) text = "'" + text
        return /[",\r\n']/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text
      })
      .join(',') + '\r\n'
  )
}
