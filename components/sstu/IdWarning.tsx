/**
 * The in-page warning beside «Идентификатор органа в ССТУ.РФ» when it is empty or not a GUID. Lives in a
 * shadow root; the text is rendered as text.
 */
import { render } from 'preact';
import { createShadowHost, INPAGE_CSS } from '../inpage/shadow-host';
import type { SstuIdProblem } from '../../lib/sstu/sstu-id';

const CSS = `
.sstu-id { display: block; margin: 4px 0; padding: 4px 10px; border-radius: 4px; font-size: 13px; line-height: 18px; max-width: 640px;
  background: #fff8e1; color: #7a5b00; border: 1px solid #ffe082; }
.sstu-id.empty { background: #ffebee; color: #b71c1c; border-color: #ef9a9a; }
`;

const hosts = new WeakMap<Element, { host: HTMLElement; root: ShadowRoot }>();

export function IdWarning({ problem }: { problem: SstuIdProblem }) {
  return (
    <div class={`sstu-id ${problem.code === 'sstu-id-empty' ? 'empty' : ''}`} role="alert" data-code={problem.code}>
      {problem.message}
    </div>
  );
}

/** Shows, updates or (with null) removes the warning right after `anchor`. */
export function showIdWarning(anchor: Element, problem: SstuIdProblem | null): HTMLElement | null {
  let h = hosts.get(anchor);
  if (!problem) {
    if (h) {
      render(null, h.root);
      h.host.remove();
      hosts.delete(anchor);
    }
    return null;
  }
  if (!h) {
    h = createShadowHost('sverka-sstu-id', INPAGE_CSS + CSS);
    h.host.setAttribute('data-sverka', 'sstu-id');
    hosts.set(anchor, h);
  }
  if (h.host.previousElementSibling !== anchor) anchor.after(h.host);
  render(<IdWarning problem={problem} />, h.root);
  return h.host;
}
