/**
 * Russian quotation: «…» outside, „…“ for quotes inside them («Отчёт „Статус“ готов»). Text from files and
 * portals often carries its own «…»; quoting it again must not produce «…«…»…».
 */
export function quote(text: string): string {
  return `«${innerQuotes(text)}»`;
}

/** «…» and "…" inside a text that will itself stand in «…» become „…“. */
export function innerQuotes(text: string): string {
  return text.replace(/«([^«»]*)»/g, '„$1“').replace(/"([^"\n]*)"/g, '„$1“');
}
