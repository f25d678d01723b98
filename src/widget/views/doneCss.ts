/** The confirmation's own styles, adopted with its file: the tick, the calendar and "didn't get a call?" buttons. */
export const DONE_CSS = `
.tick{flex:none;width:24px;height:24px;border-radius:12px;background:var(--ok)}
.tick:after{content:'';display:block;width:24px;height:24px;background:var(--bg);clip-path:polygon(25% 50%,42% 67%,75% 33%,81% 39%,42% 78%,19% 56%)}
.alt{color:var(--fg);background:none;border:1px solid var(--bd);margin:4px 0 12px}
.two{display:grid;grid-template-columns:1fr 1fr;gap:8px}.two .alt{margin:0}
.lnk.in{display:inline;margin:0;padding:0;font-size:14px}
bdi{white-space:nowrap}
.n{display:inline-block;min-width:2ch;text-align:left;font-variant-numeric:tabular-nums}
.more{margin-top:8px;padding-top:12px;border-top:1px solid var(--soft)}
`
