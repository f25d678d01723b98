/**
 * The panel's styles, adopted into the launcher's shadow root. A page's
 * styles cannot reach into a shadow root; only inherited properties could,
 * and `all: initial` on the panel stops those. Sizes are in px (a page's
 * `:root { font-size }` must not scale it); the user agent's margins and
 * button looks are reset with zero specificity (`:where`), so each
 * component rule wins with one class. Colours are custom properties for
 * light and dark; the accent and its readable text colour come from the
 * launcher (`--a`; `--on`, computed by `readableOn`, which also sets the
 * launcher's text where CSS relative colours are missing). Under 480 px wide the panel is a bottom sheet
 * clear of the safe-area insets, over a backdrop that dims the page; inputs
 * are 16 px so iOS never zooms. The panel has one height whatever its view
 * (as a messenger's window has), so that nothing a view shows or a late
 * answer adds moves it: a header (title, close) and a footer (the chosen
 * time, errors, the main button) stay, the body between them is its one
 * scroll region. Choices keep their box when chosen (a 1 px border and an
 * inset shadow, never a thicker border). Motion is one 160 ms entrance,
 * none where reduced motion is asked for.
 */
export const PANEL_CSS = `
.l{color:var(--on)}
.p{--bg:#fff;--fg:#1d1d1f;--mut:#5c5c63;--bd:#8a8a93;--soft:#f2f2f5;--err:#b3261e;--ring:#1a5fb4;--ok:#0a7d3e;
all:initial;position:fixed;z-index:2147483001;bottom:calc(var(--y) + 72px + env(safe-area-inset-bottom,0px));right:calc(var(--x) + env(safe-area-inset-right,0px));
box-sizing:border-box;display:flex;flex-direction:column;width:380px;height:min(600px,calc(100vh - var(--y) - 96px));border-radius:16px;overflow:hidden;
background:var(--bg);color:var(--fg);box-shadow:0 12px 48px #0005;font:400 16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.p.L{right:auto;left:calc(var(--x) + env(safe-area-inset-left,0px))}
@media (prefers-color-scheme:dark){.p{--bg:#1f1f23;--fg:#f2f2f7;--mut:#b4b4bd;--bd:#8e8e98;--soft:#2c2c31;--err:#ffb4ab;--ring:#8ab4f8;--ok:#6fdc9a}}
.bd{display:none}
@media (max-width:480px){.p,.p.L{left:0;right:0;bottom:0;width:auto;height:min(600px,calc(100% - 24px));border-radius:16px 16px 0 0}
.bd{display:block;position:fixed;inset:0;z-index:2147483001;background:#0008}
.foot{padding-bottom:calc(12px + env(safe-area-inset-bottom,0px))}}
@media (prefers-reduced-motion:no-preference){.p{animation:rb-in .16s ease-out}.bd{animation:rb-fade .16s}
@keyframes rb-in{from{opacity:0;transform:translateY(8px)}}@keyframes rb-fade{from{opacity:0}}}
.p *,.p *::before,.p *::after{box-sizing:border-box}
:where(.p) :where(p,h2,fieldset,legend,button,input,select){margin:0;padding:0;border:0;font:inherit;color:inherit;background:none}
:where(.p) a{color:inherit}
.head{display:flex;flex:none;align-items:center;justify-content:space-between;gap:12px;padding:16px 20px 12px;border-bottom:1px solid var(--soft)}
h2{display:flex;align-items:center;gap:8px;font-size:20px;font-weight:700;line-height:1.25}
.x{display:inline-flex;color:inherit;align-items:center;justify-content:center;flex:none;width:40px;height:40px;margin:-8px;border-radius:20px;cursor:pointer;font-size:24px;line-height:1}
.fm{display:flex;flex-direction:column;flex:1;min-height:0}
.body{flex:1;min-height:0;overflow:auto;overscroll-behavior:contain;padding:16px 20px 8px}
.foot{flex:none;padding:8px 20px 16px;border-top:1px solid var(--soft)}
:where(.p) p{margin:0 0 12px}
.mut{color:var(--mut);font-size:14px}
:where(.p) :where(label,legend){font-weight:600;margin:0 0 6px}
.row{display:flex;flex-direction:column;gap:8px;margin-bottom:4px}
:where(.p) :where(input,select){display:block;width:100%;min-height:48px;padding:10px 12px;border:1px solid var(--bd);border-radius:8px;font-size:16px;background:var(--bg);color:var(--fg)}
select{cursor:pointer}
input[aria-invalid=true]{border-color:var(--err);box-shadow:inset 0 0 0 1px var(--err)}
.err{color:var(--err);font-size:14px;font-weight:600;min-height:0;margin:4px 0 8px}
.err:empty{margin:0}
.ck{display:flex;gap:10px;align-items:flex-start;font-weight:400;margin:8px 0}
.ck input{flex:none;width:22px;height:22px;min-height:0;margin:1px 0 0;padding:0;accent-color:var(--a)}
.btn{display:flex;width:100%;min-height:48px;align-items:center;justify-content:center;padding:12px 16px;border-radius:10px;cursor:pointer;font-weight:600;
color:var(--on);background:var(--a)}
.btn[disabled]{cursor:progress;opacity:.7}
.lnk{display:block;margin:4px auto 0;padding:8px;cursor:pointer;text-decoration:underline;color:var(--fg)}
.foot .lnk{margin:0 auto}
.top{margin:-4px 0 12px;padding:4px 0}
.sum{min-height:20px;margin:0 0 8px;font-size:14px;font-weight:600;text-align:center}
.sum .err{margin:0}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.ok{font-size:18px;font-weight:600}
.p :focus-visible{outline:3px solid var(--ring);outline-offset:2px}
.p:focus-visible{outline:0}
`
