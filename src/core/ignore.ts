/** Does nothing: the rejection handler of work that may fail without harm (a warm-up, a hint). */
export const ignore = (): undefined => undefined
