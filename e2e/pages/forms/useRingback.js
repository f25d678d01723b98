import { onBeforeUnmount, onMounted } from 'vue'
import { init } from 'ringback'

/**
 * Starts ringback (the callback widget and form capture) while the calling
 * component is mounted and removes it on unmount. onMounted runs in the
 * browser only: server rendering never calls init().
 */
export function useRingback(options) {
  let rb
  onMounted(() => {
    rb = init(options)
  })
  onBeforeUnmount(() => rb?.destroy())
}
