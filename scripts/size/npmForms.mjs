import { firstLoad } from './firstLoad.mjs'

// Form capture alone, as an application writes it.
export default firstLoad('npm-forms', "import { captureForms } from 'ringback/forms'\ncaptureForms({ site: 'demo' })\n")
