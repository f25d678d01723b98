import { firstLoad } from './firstLoad.mjs'

// The npm quick start, as an application writes it.
export default firstLoad('npm-init', "import { init } from 'ringback'\ninit({ site: 'demo' })\n")
