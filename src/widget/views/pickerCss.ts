/**
 * The scheduling view's styles, adopted with its file. Every choice keeps
 * its box when chosen: a 1 px border and an inset shadow, never a thicker
 * border. Days are a strip of equal buttons that scrolls sideways (snap,
 * no scrollbar; arrows for a mouse, in the legend's line at its end as a booking
 * calendar's month arrows are, so that they cover no day; hidden on touch screens); times are
 * two even columns whose rows are as tall as the day's times need (`l1`
 * to `l3` lines), so that the grid's space is known before its times are.
 */
export const PICKER_CSS = `
fieldset{min-width:0;margin:0 0 12px}
.wrap{position:relative}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:8px}
.l1{grid-auto-rows:48px}.l2{grid-auto-rows:60px}.l3{grid-auto-rows:76px}
.days{display:flex;gap:8px;overflow-x:auto;scroll-snap-type:x mandatory;scrollbar-width:none;margin:-4px;padding:4px}
.days .ch{flex:0 0 64px;height:56px;scroll-snap-align:start}
.arr{position:absolute;top:-27px;width:24px;height:24px;border-radius:12px;background:var(--bg);box-shadow:0 1px 4px #0006;cursor:pointer}
.arr:after{content:'';display:block;width:24px;height:24px;background:var(--fg);clip-path:polygon(40% 30%,64% 50%,40% 70%,36% 65%,54% 50%,36% 35%)}
.prev{inset-inline-end:32px}.next{inset-inline-end:0}.prev:after,[dir=rtl] .next:after{transform:scaleX(-1)}[dir=rtl] .prev:after{transform:none}
@media (pointer:coarse){.arr{display:none}}
.ch{display:flex;flex-direction:column;align-items:center;justify-content:center;min-width:0;padding:4px;border:1px solid var(--bd);border-radius:8px;cursor:pointer;line-height:1.2;text-align:center}
.ch small{font-size:12px;color:var(--mut);margin-top:2px}
.ch .odd{font-style:italic}
.ch[aria-checked=true]{border-color:var(--a);box-shadow:inset 0 0 0 1px var(--a);background:var(--a);color:var(--on)}
.ch[aria-checked=true] small{color:inherit}
`
