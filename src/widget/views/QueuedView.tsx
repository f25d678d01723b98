import type { PanelModel } from '../createPanelModel'

/** Offline: the request is saved and goes out when the network is back (the confirmation follows then). */
export function QueuedView({ model, onClose }: { model: PanelModel; onClose(): void }) {
  return (
    <>
      <div class="body">
        <p class="ok" role="status" tabIndex={-1} data-focus>
          {model.texts.queued}
        </p>
      </div>
      <div class="foot">
        <button class="btn" type="button" onClick={onClose}>
          {model.texts.done}
        </button>
      </div>
    </>
  )
}
