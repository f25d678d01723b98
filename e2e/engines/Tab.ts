/** A browser the engine suites drive: Firefox (launchFirefox.ts) or WebKit (launchWebKit.ts). */
export interface Engine {
  name: EngineName
  /** What the browser says it is, e.g. `firefox/153.8.0` or `MiniBrowser 2.50.6`. */
  version: string
  /** A tab with storage of its own: nothing of another test's visit or outbox is in it. */
  newTab(): Promise<Tab>
  close(): Promise<void>
}
export type EngineName = 'firefox' | 'webkit'

/** An element of the page, as the driver refers to it. */
export type Handle = { readonly __handle: unique symbol }

/** The keys the journeys press. */
export type Key = 'Tab' | 'Shift+Tab' | 'Enter' | 'Space' | 'Escape' | 'ArrowDown'

/**
 * One tab, as a person uses it: real pointer clicks and key presses through
 * the engine's input pipeline, not DOM events made up in script. The same
 * journey runs against either driver.
 */
export interface Tab {
  /** Loads `url` and waits for its `load` event. */
  goto(url: string): Promise<void>
  url(): Promise<string>
  /** The value (JSON) of a JavaScript expression evaluated in the page; a promise is awaited. */
  run<T>(expression: string): Promise<T>
  /** The element an expression evaluates to, or `null`. */
  handle(expression: string): Promise<Handle | null>
  /** A pointer click in the middle of the element. */
  click(element: Handle): Promise<void>
  /** Types `text` into the focused element, key by key. */
  type(text: string): Promise<void>
  press(key: Key): Promise<void>
  screenshot(path: string): Promise<void>
  /**
   * What went wrong in the page since the last call: the recorder's entries
   * (recorder.js) and, where the driver hears it, the engine's console.
   */
  problems(): Promise<string[]>
  close(): Promise<void>
}

/** An expression that calls `fn` with `args` (JSON) in the page. */
export const callOf = (fn: (...args: never[]) => unknown, ...args: unknown[]) => `(${String(fn)})(${args.map((arg) => JSON.stringify(arg)).join(',')})`
