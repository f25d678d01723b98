/**
 * The lazy files of the SDK, by name: the one list, grouped by who needs
 * them. rollup.config.mjs reads it (each entry in the form
 * `name: () => import('./path')`) to build every file twice: for the script
 * tag as `dist/ringback-<name>-<hash>.js`, whose names its loader is told,
 * and for npm as `dist/npm/lazy/<name>.js`, which the npm entry points
 * import dynamically (there each group is a module of its own, so that
 * `ringback/forms` never reaches the widget's file). Every file the build
 * writes needs a budget in size-limit.json (scripts/checkBudgets.ts). Core
 * and the features know a file only by the name they ask the loader for,
 * and the type checker holds each entry point's list to what they ask.
 */
import type { ModulesOf } from './core/host'

/** What core and form capture load: every entry point has these. */
export const formsFiles = {
  /** Form-field detection, mapping and the request builder. */
  forms: () => import('./forms/processForm'),
  /** libphonenumber-js core: validation and as-you-type formatting. */
  phone: () => import('./phone/phone'),
  /** ua-parser-js 1.x: device, OS and browser from the user agent. */
  device: () => import('./context/parseDevice'),
  /** The outbox and its transports: fetched before the first request is made. */
  delivery: () => import('./core/startDelivery')
}

/** What the widget loads: the script tag and `ringback` have it, `ringback/forms` has not. */
export const widgetFiles = {
  /** The widget panel (Preact, signals, views, English). */
  panel: () => import('./widget/panel')
}

/** The module of every lazy file, by name (the script tag's loader has them all). */
export type LazyModules = ModulesOf<typeof formsFiles & typeof widgetFiles>
