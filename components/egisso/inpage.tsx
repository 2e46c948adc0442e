/**
 * In-page UI of the ЕЦП.МИС ЕГИССО helpers: a non-blocking hint beside a form field, and a small summary
 * panel (error codes of «Детализация отправки пакета», rejected packages of the request journal). Both live
 * in closed shadow roots; all texts are rendered as text.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowHost, INPAGE_CSS } from '../inpage/shadow-host';

const HINT_CSS = `
.hint { display: block; margin: 2px 0 4px; padding: 2px 8px; border-radius: 4px; font-size: 12px; line-height: 16px; max-width: 520px; }
.hint.bad { background: #fff8e1; color: #7a5b00; border: 1px solid #ffe082; }
.hint.good { background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7; }
.egisso { max-height: 60vh; overflow: auto; }
.egisso ul { margin: 4px 0; padding-left: 18px; } .egisso li { margin: 3px 0; }
.egisso .fix { color: #37474f; }
.egisso.collapsed { width: auto; max-width: min(520px, calc(100vw - 32px)); padding: 6px 10px; }
.egisso.collapsed h2 { display: inline; margin: 0 8px 0 0; font-size: 13px; }
.egisso .toggle { font-size: 12px; padding: 2px 8px; }
.egisso:not(.collapsed) .toggle { position: absolute; top: 6px; right: 36px; }
`;

/** The official's choice (collapsed to one line or open), kept for every ЕЦП.МИС page. */
const COLLAPSED_KEY = 'egissoPanelCollapsed';

export async function loadCollapsed(): Promise<boolean> {
  // by default nothing of ours covers the portal's grid: one line until the official opens it
  const r = await browser.storage.local.get(COLLAPSED_KEY).catch(() => ({}) as Record<string, unknown>);
  return (r as Record<string, unknown>)[COLLAPSED_KEY] !== false;
}

function saveCollapsed(collapsed: boolean): void {
  void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed }).catch(() => undefined);
}

export interface HintView {
  ok: boolean;
  message: string;
}

const hints = new WeakMap<Element, { host: HTMLElement; root: ShadowRoot }>();

/** Shows (or updates, or removes with null) the hint right after `anchor` (a field's container). */
export function showFieldHint(anchor: Element, hint: HintView | null): void {
  let h = hints.get(anchor);
  if (!hint) {
    if (h) {
      render(null, h.root);
      h.host.remove();
      hints.delete(anchor);
    }
    return;
  }
  if (!h) {
    h = createShadowHost('sverka-hint', INPAGE_CSS + HINT_CSS);
    h.host.setAttribute('data-sverka', 'hint');
    hints.set(anchor, h);
  }
  if (h.host.previousElementSibling !== anchor) anchor.after(h.host);
  h.host.setAttribute('data-ok', String(hint.ok));
  h.host.title = hint.message;
  render(
    <span class={`hint ${hint.ok ? 'good' : 'bad'}`} role="note">
      Сверка: {hint.message}
    </span>,
    h.root,
  );
}

export interface PanelSection {
  heading: string;
  items: { text: string; fix?: string }[];
}

export interface EgissoPanelModel {
  title: string;
  sections: PanelSection[];
}

function Panel({ model, collapsed, onToggle, onClose }: { model: EgissoPanelModel; collapsed: boolean; onToggle: () => void; onClose: () => void }) {
  const first = model.sections[0]?.heading;
  return (
    <div class={`panel egisso${collapsed ? ' collapsed' : ''}`} role="status" aria-live="polite">
      {collapsed ? (
        <>
          <h2>Сверка: {first ?? model.title}</h2>
          <button class="toggle" type="button" aria-expanded="false" onClick={onToggle}>Подробнее</button>
        </>
      ) : (
        <>
          <button class="close" type="button" aria-label="Закрыть" onClick={onClose}>×</button>
          <button class="toggle" type="button" aria-expanded="true" onClick={onToggle}>Свернуть</button>
          <h2>Сверка: {model.title}</h2>
          {model.sections.map((s, i) => (
            <div key={i}>
              <p><strong>{s.heading}</strong></p>
              {s.items.length > 0 && (
                <ul>
                  {s.items.map((it, j) => (
                    <li key={j}>
                      {it.text}
                      {it.fix && <div class="fix">Что сделать: {it.fix}</div>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </>
      )}
    </div>
  );
}

/** The summary panel at the bottom left (the verdict panel of downloads sits at the bottom right). */
export function mountEgissoPanel(doc: Document = document): { show: (m: EgissoPanelModel | null) => void; destroy: () => void } {
  const { host, root } = createShadowHost('sverka-egisso', INPAGE_CSS + HINT_CSS + '.panel { right: auto; left: 16px; }');
  host.setAttribute('data-sverka', 'egisso-panel');
  let closedKey = '';
  let collapsed = true;
  let current: EgissoPanelModel | null = null;
  void loadCollapsed().then((c) => {
    collapsed = c;
    if (current && host.isConnected) draw(current);
  });
  const hide = () => {
    render(null, root);
    host.remove();
  };
  const show = (m: EgissoPanelModel | null) => {
    if (!m) return hide();
    const key = JSON.stringify(m);
    if (key === closedKey) return; // closed by the official: do not pop up again for the same content
    if (!host.isConnected) doc.documentElement.append(host);
    draw(m);
  };
  const draw = (m: EgissoPanelModel) => {
    current = m;
    render(
      <Panel
        model={m}
        collapsed={collapsed}
        onToggle={() => {
          collapsed = !collapsed;
          saveCollapsed(collapsed);
          draw(m);
        }}
        onClose={() => {
          closedKey = JSON.stringify(m);
          hide();
        }}
      />,
      root,
    );
  };
  return { show, destroy: hide };
}
