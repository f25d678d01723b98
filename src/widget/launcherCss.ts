/**
 * The launcher's finishing touches, adopted with the panel's styles so that
 * the first file stays small: the icon (clip paths: no markup, no URL a CSP
 * could block; a handset, or a speech bubble for `icon: 'chat'`), the
 * shadow, the pointer, the safe-area inset below it (iPhones' home bar), a focus ring visible on any page background, and
 * the text colour `readableOn` computed (exact where CSS relative colours
 * are missing).
 */
export const LAUNCHER_CSS =
  ".l{bottom:calc(var(--y) + env(safe-area-inset-bottom,0px));color:var(--on);box-shadow:0 4px 14px #0004;cursor:pointer}" +
  ".l:before{background:currentColor;clip-path:path('M6 2l4 5-2 3q2 5 6 7l3-2 5 3-1 4Q12 22 7 17T3 4z')}" +
  ".chat:before{clip-path:path('M3 4h18v13H8l-5 4z')}" +
  '.l:focus-visible{outline:0;box-shadow:0 0 0 3px #fff,0 0 0 6px #111}'
