import type { ComponentChildren } from 'preact'

/**
 * A list as a table on a wide screen and as cards on a phone (by CSS: each
 * cell's `data-label` is shown before it). The ARIA roles are spelled out
 * because the phone layout's `display: block` would otherwise drop them.
 * A column given as `{ hidden }` has a heading for screen readers only.
 */
export function Rows(props: { caption: string; columns: (string | { hidden: string })[]; children: ComponentChildren }) {
  return (
    <table class="rows" role="table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {props.columns.map((column) => (
            <th scope="col" role="columnheader" key={typeof column === 'string' ? column : column.hidden}>
              {typeof column === 'string' ? column : <span class="visually-hidden">{column.hidden}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">{props.children}</tbody>
    </table>
  )
}
