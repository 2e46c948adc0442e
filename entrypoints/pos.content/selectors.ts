/**
 * ПОС «ССТУ.РФ» section selectors, in one place. Found by visible text, labels and link targets, never by the
 * portal's generated CSS classes. Seen on: the section of a top-level ЛКО after «Подтвердить период» (report
 * files, «Файлы для загрузки в ССТУ» with Файл_N.zip) and of a ЛКО without an ССТУ.РФ id.
 * Tested against tests/fixtures/pages/pos-sstu-section.html and pos-sstu-section-no-id.html.
 */
import type { FileLink } from '../../components/inpage/decorate-links';

const ID_LABEL = /^\s*идентификатор органа в сс?ту\.?\s?рф\s*\*?\s*$/i;
const FILE_NAME = /\.(xlsx?|zip)\s*$/i;
const ARCHIVE_NAME = /^файл[_\s]*\d+\.zip$/i;
const REPORT_TITLE = /(без тематик урог|без идентификатора в сс|статус выгрузки и загрузки|отчет с ошибками|отчет об ошибках|о количестве загруженных в сс)/i;
const DOWNLOAD_TEXT = /^\s*скачать\s*$/i;

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** True on the «ССТУ.РФ» section: the id field's label is there. */
export function isSstuSection(root: ParentNode): boolean {
  return findSstuIdLabel(root) !== null;
}

function findSstuIdLabel(root: ParentNode): Element | null {
  for (const el of Array.from(root.querySelectorAll('label, span, div, dt, th, p, mat-label'))) {
    if (el.children.length > 2) continue;
    if (ID_LABEL.test(text(el))) return el;
  }
  return null;
}

export interface SstuIdField {
  /** The label element («Идентификатор органа в ССТУ.РФ *»). */
  label: Element;
  /** The input holding the id, when the field is editable. */
  input: HTMLInputElement | null;
  /** The element after which a warning goes. */
  anchor: Element;
  value: string;
}

/** The «Идентификатор органа в ССТУ.РФ» field: its label, input (by «for», inside the label, or nearby) and value. */
export function findSstuIdField(root: ParentNode): SstuIdField | null {
  const label = findSstuIdLabel(root);
  if (!label) return null;
  const doc = label.ownerDocument;
  let input: HTMLInputElement | null = null;
  const forId = label.getAttribute('for');
  if (forId) input = doc.getElementById(forId) as HTMLInputElement | null;
  if (!input) input = label.querySelector('input');
  // the nearest input after the label within its field container (up to three levels up)
  let container: Element | null = label.parentElement;
  for (let depth = 0; !input && container && depth < 3; depth++, container = container.parentElement) {
    for (const candidate of Array.from(container.querySelectorAll('input, textarea'))) {
      if (label.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING) {
        input = candidate as HTMLInputElement;
        break;
      }
    }
  }
  if (input) return { label, input, anchor: input.closest('div') ?? input, value: input.value ?? '' };
  // read-only display: the value is the text of the next element
  const next = label.nextElementSibling;
  return { label, input: null, anchor: next ?? label, value: text(next) };
}

function rowOf(a: Element): Element | null {
  return a.closest('li, tr, [role="row"]') ?? a.parentElement;
}

/** The file name shown in the same row as a «Скачать» link. */
function nameInRow(a: HTMLAnchorElement): string {
  const row = rowOf(a);
  if (!row) return '';
  for (const el of Array.from(row.querySelectorAll('span, a, div, td'))) {
    if (el === a || el.contains(a)) continue;
    const t = text(el);
    if (t && (FILE_NAME.test(t) || REPORT_TITLE.test(t)) && t.length < 200) return t;
  }
  return '';
}

/**
 * File links of the section: the reports and «Файл_N.zip» archives. A row with a named link and a «Скачать»
 * link to the same address yields one FileLink (the named one).
 */
export function posFileLinks(root: ParentNode): FileLink[] {
  const out: FileLink[] = [];
  const seen = new Set<string>();
  for (const a of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href || href.startsWith('#') || href.startsWith('javascript:') || href.startsWith('blob:')) continue;
    const own = text(a);
    const download = a.getAttribute('download') ?? '';
    let name = '';
    if (download && (FILE_NAME.test(download) || ARCHIVE_NAME.test(download))) name = download;
    else if (FILE_NAME.test(own) || REPORT_TITLE.test(own)) name = own;
    else if (DOWNLOAD_TEXT.test(own)) name = nameInRow(a);
    if (!name || !(FILE_NAME.test(name) || REPORT_TITLE.test(name))) continue;
    const url = a.href;
    if (seen.has(url)) continue;
    seen.add(url);
    out.push({ anchor: a, url, name: FILE_NAME.test(name) ? name : `${name}.xls` });
  }
  return out;
}
