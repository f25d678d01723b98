/** A JSON body's field when it is a string; anything else is as good as missing. */
export const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
