import type { PanelModel } from '../createPanelModel'

/**
 * "Calling now" once the platform's `etaSeconds` have passed: the phone
 * should have rung, and the visitor gets a way on rather than a wait that
 * never ends.
 */
export function AfterEta({ model }: { model: PanelModel }) {
  const t = model.texts
  return (
    <div class="more">
      <p>
        <strong>{t.noCall}</strong>
      </p>
      <div class="two">
        <button class="btn alt" type="button" onClick={model.pickTime}>
          {t.later}
        </button>
        <button class="btn alt" type="button" onClick={() => void model.tryAgain().catch(model.host.report)}>
          {t.retry}
        </button>
      </div>
    </div>
  )
}
