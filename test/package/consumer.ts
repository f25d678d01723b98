// An application using the built package, as its own code imports it.
// scripts/checkPackage.ts compiles this file under `moduleResolution`
// node16, nodenext and bundler: what an application may write must compile,
// and each line marked @ts-expect-error must be an error (were the package's
// types `any`, the marks would be unused, which fails the compile).
import { init, type Ringback, type RingbackEvents } from 'ringback'
import { captureForms, type FormCapture } from 'ringback/forms'
import { CallbackRequest, maskPhone } from 'ringback/schema'

const rb: Ringback = init({ site: 'demo', api: 'https://api.example.com' })
rb.on('success', (event) => console.log(event.id, event.status satisfies 'calling' | 'scheduled'))
rb.open('schedule')
rb.consent({ storage: true })
rb.destroy()

const forms: FormCapture = captureForms({ site: 'demo', redact: ['token'] })
const onError = (event: RingbackEvents['error']) => console.warn(event.code, event.retry satisfies boolean)
forms.on('error', onError)
forms.off('error', onError)

// A backend checking what it received.
const parsed = CallbackRequest.safeParse(JSON.parse('{}'))
if (parsed.success) console.log(maskPhone(parsed.data.phone) satisfies string, parsed.data.channel satisfies 'widget' | 'form')

// @ts-expect-error the site id is required
init({})
// @ts-expect-error `init` takes an options object
init('demo')
// @ts-expect-error the widget has two views: now and schedule
rb.open('later')
// @ts-expect-error no such event
rb.on('done', () => undefined)
// @ts-expect-error the error event's payload has no `status`
rb.on('error', (event) => event.status)
// @ts-expect-error `ringback/forms` has no widget
forms.open()
// @ts-expect-error `ringback/forms` takes no widget options
captureForms({ site: 'demo', widget: false })
// @ts-expect-error a schema's output is typed
CallbackRequest.parse({}).phone.toFixed()
