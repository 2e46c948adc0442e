/**
 * Keeps the «Идентификатор органа в ССТУ.РФ» warning in step with the page: on load, on typing in the field,
 * and when the single-page app re-renders the section (observed, not polled).
 */
import { findSstuIdField } from './selectors';
import { sstuIdProblem } from '../../lib/sstu/sstu-id';
import { showIdWarning } from '../../components/sstu/IdWarning';

const MARK = 'data-sverka-sstu-id';

export function watchSstuId(doc: Document, signal: AbortSignal): () => void {
  let shownAt: Element | null = null;
  const update = () => {
    const field = findSstuIdField(doc);
    if (shownAt && (!field || field.anchor !== shownAt)) {
      showIdWarning(shownAt, null);
      shownAt = null;
    }
    if (!field) return;
    const problem = sstuIdProblem(field.input ? field.input.value : field.value);
    showIdWarning(field.anchor, problem);
    shownAt = problem ? field.anchor : null;
    if (field.input && !field.input.hasAttribute(MARK)) {
      field.input.setAttribute(MARK, '1');
      field.input.addEventListener('input', update, { signal });
      field.input.addEventListener('change', update, { signal });
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    // inserting or removing our own hosts is not a page change
    const ours = (n: Node) => n instanceof Element && (n.hasAttribute('data-sverka') || n.tagName.toLowerCase().startsWith('sverka-'));
    if (records.every((r) => [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(ours))) return;
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    if (shownAt) showIdWarning(shownAt, null);
  });
  update();
  return update;
}
