import type { ComponentChildren } from 'preact'

export interface Choice {
  key: string
  label: string
  /** A second, smaller line. */
  sub?: string
  /** A third, said as a caution (`early morning for you`). */
  note?: string
  /** The accessible name, when the visible text alone says less. */
  name?: string
}

export interface ChoicesProps {
  /** Unique in the panel: names the group's legend element. */
  id: string
  legend: string
  choices: Choice[]
  selected: string | undefined
  onSelect(key: string): void
  /** The group's own class: `days` (a strip that scrolls sideways) or `times` (a grid). */
  kind: string
  /** Beside the group (the strip's arrows). */
  children?: ComponentChildren
  /** The group's own style (set through the CSSOM, which a CSP allows): the space its choices will take. */
  style?: Record<string, string>
}

/**
 * A radio group of buttons (days, time slots): one tab stop, arrow keys
 * move and select, Home and End jump, as the ARIA radio group pattern
 * prescribes.
 */
export function Choices(props: ChoicesProps) {
  const { choices, selected } = props
  const current = choices.some((c) => c.key === selected) ? selected : choices[0] && choices[0].key
  const onKeyDown = (event: KeyboardEvent) => {
    const index = choices.findIndex((c) => c.key === current)
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl'
    const step: Record<string, number> = {
      ArrowRight: rtl ? -1 : 1,
      ArrowDown: 1,
      ArrowLeft: rtl ? 1 : -1,
      ArrowUp: -1,
      Home: -index,
      End: choices.length - 1 - index
    }
    if (!(event.key in step)) return
    event.preventDefault()
    const next = choices[(index + step[event.key]! + choices.length) % choices.length]!
    props.onSelect(next.key)
    const group = event.currentTarget as HTMLElement
    for (const button of group.querySelectorAll<HTMLElement>('[data-key]')) if (button.dataset.key === next.key) button.focus()
  }
  return (
    <fieldset>
      <legend id={props.id}>{props.legend}</legend>
      <div class="wrap">
        {props.children}
        <div class={'grid ' + props.kind} style={props.style} role="radiogroup" aria-labelledby={props.id} onKeyDown={onKeyDown}>
          {choices.map((c) => (
            <button
              key={c.key}
              type="button"
              class="ch"
              role="radio"
              data-key={c.key}
              aria-checked={c.key === selected ? 'true' : 'false'}
              aria-label={c.name}
              tabIndex={c.key === current ? 0 : -1}
              onClick={() => props.onSelect(c.key)}
            >
              {c.label}
              {c.sub && <small>{c.sub}</small>}
              {c.note && <small class="odd">{c.note}</small>}
            </button>
          ))}
        </div>
      </div>
    </fieldset>
  )
}
