/**
 * The script tag's entry point (`dist/ringback.js`), the only file that
 * runs at page load. It reads its own tag, starts the SDK and drains the
 * command queue of the loader snippet; then `ringback(...)` calls run at
 * once. Nothing here may throw into the page.
 */
import { type Command, createRingback, type Ringback } from './core/createRingback'
import { resolveOptions } from './core/options'
import { scriptLoader } from './core/scriptLoader'
import { startForms } from './forms/startForms'
import { startWidget } from './widget/startWidget'
import type { LazyModules } from './lazyFiles'

/** The methods of `Ringback` by name: tsc rejects a name that is no method (`satisfies`) and, below, a method without its name. */
const COMMANDS = ['open', 'close', 'on', 'off', 'consent', 'capture', 'inspect', 'forget', 'destroy'] as const satisfies readonly Command[0][]
/** A type only (no bytes): it fails to compile, naming the method, while `Ringback` has one that COMMANDS lacks. */
type EveryMethod<Missing extends never> = Missing
export type MissingCommand = EveryMethod<Exclude<Command[0], (typeof COMMANDS)[number]>>

type Stub = ((...args: unknown[]) => void) & { q?: ArrayLike<ArrayLike<unknown>>; loaded?: boolean }

try {
  const w = window as unknown as { ringback?: Stub }
  const stub = w.ringback
  // A second copy of the tag: the first one already runs the page.
  if (!(stub && stub.loaded)) {
    const script = (document.currentScript || document.querySelector('script[data-site][src*="ringback"]')) as HTMLScriptElement | null
    const data = (script && script.dataset) || {}
    const src = (script && script.src) || location.href
    const options = resolveOptions(
      {
        site: data.site as string,
        api: data.api,
        locale: data.locale,
        widget: data.widget !== 'off',
        forms: data.forms !== 'off',
        redact: data.redact ? data.redact.split(/[\s,]+/) : undefined
      },
      new URL(src).origin
    )
    let instance: Ringback | undefined
    if (typeof options === 'string') console.warn('[ringback] ' + options)
    else instance = createRingback(options, scriptLoader<LazyModules>(new URL('.', src).href), [startForms, startWidget])

    const warned: string[] = []
    const run = (args: ArrayLike<unknown>) => {
      try {
        const name = args[0] as Command[0]
        if (COMMANDS.indexOf(name) < 0) {
          if (warned.indexOf(String(name)) < 0) {
            warned.push(String(name))
            console.warn('[ringback] unknown command: ' + String(name))
          }
          return
        }
        const rest: unknown[] = []
        for (let i = 1; i < args.length; i++) rest.push(args[i])
        if (instance) (instance[name] as (...a: unknown[]) => void)(...rest)
      } catch (error) {
        console.warn('[ringback]', error)
      }
    }
    const api: Stub = function ringback() {
      // eslint-disable-next-line prefer-rest-params
      run(arguments)
    }
    api.loaded = true
    const queue = stub && stub.q
    // Snippets that push to the queue directly also run at once from now on.
    api.q = { push: run } as unknown as Stub['q']
    w.ringback = api
    for (let i = 0; queue && i < queue.length; i++) run(queue[i]!)
  }
} catch (error) {
  console.warn('[ringback]', error)
}
