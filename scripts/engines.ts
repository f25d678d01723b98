import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

// Where the Firefox and WebKit of the engine suites (e2e/engines/) are: Debian's packages.

const which = (name: string): string | undefined => {
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined
  } catch {
    return undefined
  }
}

/** The Firefox to test with: `FIREFOX_PATH`, else `firefox-esr` (Debian) or `firefox` on the PATH. */
export const findFirefox = (): string | undefined => process.env.FIREFOX_PATH || which('firefox-esr') || which('firefox')

/** WebKitGTK's MiniBrowser: `MINIBROWSER_PATH`, else where dpkg put it (package libwebkit2gtk-4.1-0). */
export function findMiniBrowser(): string | undefined {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH
  try {
    const files = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).split('\n')
    return files.find((file) => file.endsWith('/MiniBrowser') && existsSync(file))
  } catch {
    return undefined
  }
}

/** What is missing to run the engine suites, each with the package that brings it. */
export function missingEngines(): string[] {
  return [
    !findFirefox() && 'Firefox (apt-get install -y firefox-esr, or set FIREFOX_PATH)',
    !findMiniBrowser() && "WebKitGTK's MiniBrowser (apt-get install -y libwebkit2gtk-4.1-0, or set MINIBROWSER_PATH)",
    !which('WebKitWebDriver') && 'WebKitWebDriver (apt-get install -y webkit2gtk-driver)',
    !which('xvfb-run') && 'xvfb-run (apt-get install -y xvfb)'
  ].filter((line): line is string => !!line)
}
