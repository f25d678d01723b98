import { api } from './api'

/** Fetches the export with the bearer token (a plain link could not carry it) and saves it as a file. */
export async function downloadCsv(query: string, fileName: string): Promise<void> {
  const blob = await (await api('/requests.csv?' + query)).blob()
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}
