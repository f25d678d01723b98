/**
 * The text colour to put on a background of `hex` (`#rrggbb`): black or
 * white, whichever contrasts more (WCAG 2 relative luminance). They tie at
 * luminance 0.179 with 4.58:1, so any accent a site picks stays readable (a
 * softer near-black would not: #111 drops to 4.35:1 at its tie).
 */
export function readableOn(hex: string): string {
  let l = 0
  for (let i = 0; i < 3; i++) {
    const c = parseInt(hex.substr(1 + 2 * i, 2), 16) / 255
    l += [0.2126, 0.7152, 0.0722][i]! * (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  }
  // Contrast with white (1.05 / (l + .05)) against contrast with black ((l + .05) / .05).
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#fff' : '#000'
}
