import type { CallbackRequest } from '../schema'
import type { Emitter } from './createEmitter'
import type { OpenMode } from './events'
import type { ResolvedOptions } from './options'
import type { RawContext } from './readContext'
import type { Reporter } from './createReporter'
import type { Phone } from '../phone/phone'

/**
 * How an entry point (script tag or npm) fetches the lazy files. Core knows
 * none of their names: `Files` maps each name to its module's type, and the
 * entry layer's list (`src/lazyFiles.ts`) says which files exist.
 */
export interface Loader<Files = unknown> {
  chunk<K extends keyof Files & string>(name: K): Promise<Files[K]>
  /**
   * Fetches and compiles a lazy file and its imports without running them
   * (`modulepreload`), so that using it later costs no network and no parse.
   * A no-op where the application's bundler owns loading (npm).
   */
  preload(name: keyof Files & string): void
  /**
   * libphonenumber-js metadata (the `min` set) for the calling-code group of
   * one country (`GB` brings GB, GG, IM and JE), or `all` countries.
   */
  meta(country: string): Promise<unknown>
}

/** The modules of a list of lazy files (`name: () => import(...)`), by name. */
export type ModulesOf<List> = { [K in keyof List]: List[K] extends () => Promise<infer M> ? M : never }

/**
 * The lazy files core itself asks for, as every entry point's list must
 * name them: the outbox, device parsing, phone validation.
 */
export interface CoreFiles {
  /** The outbox and its transports: fetched before the first request is made. */
  delivery: typeof import('./startDelivery')
  /** ua-parser-js 1.x: device, OS and browser from the user agent. */
  device: typeof import('../context/parseDevice')
  /** libphonenumber-js core: validation and as-you-type formatting. */
  phone: typeof import('../phone/phone')
}

/**
 * What the first file shares with the features and the lazy files: one
 * object per page, passed in, never imported, so that the lazy files carry
 * no state of their own and cannot drift from the first file's.
 */
export interface Host<Files = unknown> extends Pick<Emitter, 'emit' | 'on' | 'off'>, Pick<Reporter, 'report' | 'guard'> {
  options: ResolvedOptions
  /** The lazy files, by the names a feature asks for (`Host<{ panel: … }>`). */
  loader: Loader<Files>
  /** The site config as the platform sent it (unchecked); `undefined` if it could not be fetched. */
  config: Promise<unknown>
  /** The facts of this moment (page, visit, device hints, clock) for a request made now. */
  context(): RawContext
  /** Hands a finished request to the outbox and announces it (`submit`). */
  deliver(request: CallbackRequest): void
  /** Phone validation with the metadata loaded so far: one instance per page, shared by widget and forms. */
  phone(): Promise<Phone>
  /** Runs `fn` when the SDK is destroyed. */
  cleanup(fn: () => void): void
  /** Adds a listener that the SDK removes on destroy; it runs guarded. */
  listen(target: EventTarget, type: string, fn: (event: Event) => void, options?: AddEventListenerOptions): void
}

/** A capability started on a page (the widget, form capture): what commands it answers. */
export interface Feature {
  open?(mode?: OpenMode): void
  close?(): void
  capture?(form: HTMLFormElement): void
  inspect?(): void
  destroy?(): void
}
/** Starts a feature; `Files` names the lazy files it loads. */
export type StartFeature<Files = unknown> = (host: Host<Files>) => Feature
