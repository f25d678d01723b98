// `npx tsx demo/server/console/printPinHash.ts <PIN>`: prints the `pinHash` to put in demo/sites.json.
import { hashPin } from './hashPin'

const pin = process.argv[2]
if (!pin || !/^\d{6,12}$/.test(pin)) {
  console.error('Usage: printPinHash.ts <PIN of 6 to 12 digits>')
  process.exit(1)
}
void hashPin(pin).then((hash) => console.log(hash))
