import type { CallbackRequest } from '../schema'
import type { Emitter } from './createEmitter'
import type { OpenMode } from './events'
import type { ResolvedOptions } from './options'
import type { RawContext } from './readContext'
import type { Reporter } from './createReporter'
import type { Phone } from '../phone/phone'

/**
 * The lazy files of the SDK, by name. Only their types are imported here:
 * the first file knows them by name and loads them with `Loader.chunk`.
 */
export interface Chunks {
  /** Form-field detection, mapping and the request builder. */
  forms: typeof import('../forms/processForm')
  /** The widget panel (Preact, signals, views, English). */
  panel: typeof import('../widget/panel')
  /** libphonenumber-js core: validation and as-you-type formatting. */
  phone: typeof import('../phone/phone')
  /** ua-parser-js 1.x: device, OS and browser from the user agent. */
  device: typeof import('../context/parseDevice')
  /** The outbox and its transports: fetched before the first request is made. */
  delivery: typeof import('./startDelivery')
}
export type ChunkName = keyof Chunks

/** How an entry point (script tag or npm) fetches the lazy files. */
export interface Loader {
  chunk<K extends ChunkName>(name: K): Promise<Chunks[K]>
  /**
   * Fetches and compiles a lazy file and its imports without running them
   * (`modulepreload`), so that using it later costs no network and no parse.
   * A no-op where the application's bundler owns loading (npm).
   */
  preload(name: ChunkName): void
  /**
   * libphonenumber-js metadata (the `min` set) for the calling-code group of
   * one country (`GB` brings GB, GG, IM and JE), or `all` countries.
   */
  meta(country: string): Promise<unknown>
}

/**
 * What the first file shares with the features and the lazy files: one
 * object per page, passed in, never imported, so that the lazy files carry
 * no state of their own and cannot drift from the first file's.
 */
export interface Host extends Pick<Emitter, 'emit' | 'on' | 'off'>, Pick<Reporter, 'report' | 'guard'> {
  options: ResolvedOptions
  loader: Loader
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
export type StartFeature = (host: Host) => Feature
