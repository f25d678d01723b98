// A CommonJS module of an application (node16, nodenext): the package is
// ESM only, so it is reached with a dynamic import, types included.
export async function start(): Promise<void> {
  const { init } = await import('ringback')
  init({ site: 'demo' }).open('now')
  // @ts-expect-error the site id is required
  init({})
}
