/**
 * What a spreadsheet would run as a formula: a cell whose first visible
 * character is `=`, `+`, `-` or `@` (or their fullwidth forms `＝＋－＠`,
 * which spreadsheets fold to them), after any spaces, control or format
 * characters; and a cell that starts with a tab, CR or line break.
 */
const FORMULA = /^[\p{White_Space}\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/u

/**
 * One CSV line (RFC 4180). A cell that a spreadsheet could run as a formula
 * gets a leading apostrophe: page titles and campaign names come from the
 * web, and an export must not execute them (CSV injection). Masked numbers
 * start with `+`, so they are quoted the same way.
 */
export function toCsv(cells: (string | number | undefined)[]): string {
  return (
    cells
      .map((cell) => {
        let text = cell === undefined ? '' : String(cell)
        if (FORMULA.test(text)) text = "'" + text
        return /[",\r\n']/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text
      })
      .join(',') + '\r\n'
  )
}
