import type { Metrics } from './types'

const W = 640
const H = 200
const PAD = { top: 12, right: 8, bottom: 28, left: 32 }

/** A readable upper bound for the axis: 1, 2, 5, 10, 20, 50… */
function niceMax(n: number): number {
  let step = 1
  while (step * 5 < n) step *= 10
  return [1, 2, 5, 10].map((f) => f * step).find((v) => v >= n) || n
}

/**
 * Requests per day, stacked by channel, as inline SVG: no charting library,
 * and it scales to any width. The figures are also in the table under it,
 * for screen readers and for anyone who would rather read.
 */
export function RequestsChart(props: { days: Metrics['perDay'] }) {
  const days = props.days
  const max = niceMax(Math.max(1, ...days.map((d) => d.widget + d.form)))
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const slot = plotW / Math.max(1, days.length)
  const barW = Math.max(1, slot * 0.7)
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH
  const labelEvery = Math.ceil(days.length / 8)
  const total = days.reduce((sum, d) => sum + d.widget + d.form, 0)

  return (
    <section class="card chart" aria-labelledby="chart-title">
      <h2 id="chart-title">Requests per day</h2>
      <ul class="legend" aria-hidden="true">
        <li class="widget">Widget</li>
        <li class="form">Form</li>
      </ul>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-desc">
        <title id="chart-desc">{`${total} requests over ${days.length} days, per day by channel: widget and form. The table below has the figures.`}</title>
        {(max % 2 ? [0, max] : [0, max / 2, max]).map((v) => (
          <g key={v} class="gridline">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end">
              {v}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2
          return (
            <g key={d.date}>
              <rect class="widget" x={x} width={barW} y={y(d.widget)} height={y(0) - y(d.widget)} />
              <rect class="form" x={x} width={barW} y={y(d.widget + d.form)} height={y(d.widget) - y(d.widget + d.form)} />
              {i % labelEvery === 0 && (
                <text class="axis" x={x + barW / 2} y={H - 8} text-anchor="middle">
                  {d.date.slice(5)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      <details>
        <summary>Figures per day</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" class="num">
                Widget
              </th>
              <th scope="col" class="num">
                Form
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{d.date}</th>
                <td class="num">{d.widget}</td>
                <td class="num">{d.form}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  )
}
