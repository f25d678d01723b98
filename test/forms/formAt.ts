import { analyzeForm, type Analysis } from '../../src/forms/analyzeForm'
import { mayHavePhone } from '../../src/forms/mayHavePhone'
import { snapshotForm } from '../../src/forms/snapshotForm'
import type { SiteConfig } from '../../src/schema'

/** The analysis of a snippet, and what the first file's pre-check said of it. */
export interface SnippetResult extends Analysis {
  precheck: boolean
  valid: boolean
}

/**
 * Puts a snippet of form markup on the page (test code: the SDK itself never
 * parses strings into DOM), types the values into the fields matched by
 * each selector, and returns the SDK's analysis of the form at submit.
 */
export function analyzeSnippet(
  html: string,
  typed: Record<string, string> = {},
  forms: SiteConfig['forms'] = { capture: 'auto', include: [], exclude: [] }
): SnippetResult {
  document.body.innerHTML = html
  const form = document.querySelector('form')!
  for (const [selector, value] of Object.entries(typed)) {
    const el = document.querySelector(selector) as HTMLInputElement | HTMLSelectElement | null
    if (!el) throw new Error('no field ' + selector)
    el.value = value
  }
  const snapshot = snapshotForm(form)
  return { ...analyzeForm(form, snapshot.values, forms), precheck: mayHavePhone(form), valid: snapshot.valid }
}

/** The names (or ids) of the fields mapped to a role, for readable assertions. */
export const namesOf = (result: Analysis, role: 'phone' | 'name' | 'email' | 'message') => (result.fields[role] || []).map((f) => f.name || f.id)
