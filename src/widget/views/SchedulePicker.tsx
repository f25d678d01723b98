import { Choices } from '../Choices'
import type { PanelModel } from '../createPanelModel'
import { dateFormat, placeOf } from '../slotDays'
import { fill } from '../texts'

export { PICKER_CSS } from './pickerCss'

/**
 * The visitor's zone by the name their language gives it ("Central European
 * Time", "Mitteleuropäische Zeit", "توقيت وسط أوروبا"); an engine whose data
 * lacks generic names (Chromium's) gives today's ("Central European Standard
 * Time", in summer "Summer Time"); the IANA id's city (English) where the
 * option is unknown.
 */
function zoneName(locale: string, zone: string, now: number) {
  try {
    const part = dateFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(now)
      .find((p) => p.type === 'timeZoneName')
    if (part) return part.value
  } catch {
    // An engine without generic zone names (before 2022): the city.
  }
  return placeOf(zone)
}

/** The rows' heights for one, two and three lines (pickerCss `l1`–`l3`), and the gap. */
const ROW = [48, 60, 76]

/** Scrolls the day strip by most of its width, forwards or back, in either writing direction; at once under reduced motion. */
function scrollStrip(event: MouseEvent, by: number) {
  const strip = (event.currentTarget as HTMLElement).parentElement!.querySelector<HTMLElement>('.days')!
  const rtl = getComputedStyle(strip).direction === 'rtl'
  const still = matchMedia('(prefers-reduced-motion:reduce)').matches
  strip.scrollBy({ left: by * (rtl ? -1 : 1) * strip.clientWidth * 0.8, behavior: still ? 'auto' : 'smooth' })
}

/**
 * The scheduling view's choices: the days as a strip (weekday and date; it
 * scrolls sideways by swipe, wheel, the arrow keys or its arrows), and the
 * chosen day's times as an even grid, each with the business's time where
 * it differs, and a word where it is early or late for the visitor.
 */
export function SchedulePicker({ model }: { model: PanelModel }) {
  const { texts: t, days } = model
  const today = model.today.value!
  const slot = model.slot.value
  return (
    <div>
      {/* Left to right, the zone by its place ("Berlin", "New York"): naming it in the visitor's language costs a
          throttled phone some 20 ms of time-zone data on opening. Right to left, a Latin place name would break
          the line's direction: there the language's own name. */}
      <p class="mut">{fill(t.zone, { zone: model.dir === 'rtl' ? zoneName(model.timeLocale, model.visitorZone, model.now.value) : placeOf(model.visitorZone) })}</p>
      <Choices
        id="rb-days"
        kind="days"
        legend={t.day}
        choices={days.value.map((d) => ({ key: d.key, label: d.weekday, sub: d.date, name: d.label }))}
        selected={today.key}
        onSelect={model.pickDay}
      >
        {/* Pointer conveniences: a keyboard moves through the days with the arrow keys. */}
        <button class="arr prev" type="button" tabIndex={-1} aria-hidden="true" onClick={(e) => scrollStrip(e, -1)} />
        <button class="arr next" type="button" tabIndex={-1} aria-hidden="true" onClick={(e) => scrollStrip(e, 1)} />
      </Choices>
      <Choices
        id="rb-times"
        kind={'times l' + today.lines}
        // Until the times are there (a frame after the panel), the space they will take.
        style={{ minHeight: Math.ceil(today.count / 2) * (ROW[today.lines - 1]! + 8) - 8 + 'px' }}
        legend={t.time}
        choices={model.settled.value ? today.slots.map((s) => ({ key: String(s.at), label: s.label, sub: s.theirs, note: s.odd, name: s.name })) : []}
        selected={slot === undefined ? undefined : String(slot)}
        onSelect={(key) => model.choose(Number(key))}
      />
    </div>
  )
}
