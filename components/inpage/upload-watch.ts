/**
 * The check at the file picker, in the page, for the extension and the userscript alike. A file chosen in any
 * `<input type=file>` (also inputs the portal's app adds later, and every file of a `multiple` input) or
 * dropped on the page goes to the host's check (components/inpage/host.ts); the verdict appears beside the
 * input. The portal's upload button asks one question first when a chosen file has an error.
 * Nothing here parses files, changes the form or sends anything anywhere: the host checks.
 */
import { expectedKind, type UploadRule } from '../../lib/upload/expected';
import { fileKey, UploadConfirmation, type ChosenFile, type FileCheckState } from '../../lib/upload/confirm';
import type { InpageHost } from './host';
import { askBeforeUpload, mountUploadVerdict, type UploadFileView } from './UploadVerdict';
import { badgeAnchor, clickedButton, isSendButton, uploadContexts, uploadScope } from './upload-context';

interface Chosen extends ChosenFile {
  view: UploadFileView;
}

interface Watched {
  files: Chosen[];
  ui: ReturnType<typeof mountUploadVerdict>;
  /** Bumped on every new choice: late verdicts of an earlier choice are dropped. */
  generation: number;
}

interface UploadWatch {
  rules: UploadRule[];
}

/** How often a page may ask the host to ready its check runner (a file input focused, a file dragged in). */
const PREWARM_EVERY_MS = 60_000;

/** One watcher per page even when two of the extension's content scripts run there (shared isolated world). */
const GLOBAL_KEY = '__sverkaUploadWatch';

/** Starts watching file inputs and drop areas; a second call on the same page only adds its rules. */
export function watchUploads(host: Pick<InpageHost, 'checkUpload' | 'openReport' | 'prewarmUpload'>, rules: readonly UploadRule[], signal: AbortSignal): void {
  const g = globalThis as unknown as Record<string, UploadWatch | undefined>;
  const existing = g[GLOBAL_KEY];
  if (existing) {
    existing.rules.push(...rules);
    return;
  }
  const state: UploadWatch = { rules: [...rules] };
  g[GLOBAL_KEY] = state;
  signal.addEventListener('abort', () => {
    if (g[GLOBAL_KEY] === state) g[GLOBAL_KEY] = undefined;
  });

  const watched = new Map<Element, Watched>();
  const confirmation = new UploadConfirmation();
  const openReport = (entryId: number) => host.openReport(entryId);

  const choose = (el: Element, list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    let w = watched.get(el);
    if (!files.length) {
      // the official cleared the choice
      w?.ui.remove();
      watched.delete(el);
      return;
    }
    if (!w) {
      w = { files: [], ui: mountUploadVerdict(badgeAnchor(el), openReport), generation: 0 };
      watched.set(el, w);
    }
    const generation = ++w.generation;
    const expect = expectedKind(uploadContexts(el), state.rules) ?? undefined;
    w.files = files.map((file) => {
      const key = fileKey(file);
      return { key, name: file.name, check: { state: 'checking' } as FileCheckState, view: { key, name: file.name } };
    });
    const target = w;
    const show = () => target.ui.update(target.files.filter((f) => f.check.state !== 'off').map((f) => f.view));
    show();
    files.forEach((file, i) => {
      host.checkUpload(file, expect, (result) => {
        if (target.generation !== generation || watched.get(el) !== target) return;
        const chosen = target.files[i];
        if (result === 'off') chosen.check = { state: 'off' };
        else {
          chosen.check = { state: 'done', verdict: result.verdict, headline: result.headline };
          chosen.view = { ...chosen.view, verdict: result.verdict, headline: result.headline, notes: result.notes, entryId: result.entryId };
        }
        if (target.files.every((f) => f.check.state === 'off')) {
          target.ui.remove();
          watched.delete(el);
        } else show();
      });
    });
  };

  const onChange = (e: Event) => {
    const input = e.target;
    if (input instanceof HTMLInputElement && input.type === 'file') choose(input, input.files);
  };
  const onDrop = (e: DragEvent) => {
    const files = e.dataTransfer?.files;
    if (!files?.length || !(e.target instanceof Element)) return;
    // a drop on a file input is followed by its own change event
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') return;
    choose(dropArea(e.target), files);
  };

  /** The chosen files that a button or form would send: those of the inputs in its scope. */
  const filesFor = (sender: Element): Chosen[] => {
    const out: Chosen[] = [];
    for (const [el, w] of watched) {
      if (!el.isConnected) {
        w.ui.remove();
        watched.delete(el);
        continue;
      }
      const scope = uploadScope(el);
      if (scope.contains(sender) || sender.contains(el)) out.push(...w.files);
    }
    return out;
  };

  const hold = (e: Event, files: Chosen[], resume: () => void): boolean => {
    const decision = confirmation.onSubmit(files);
    if (decision.action === 'pass') return false;
    e.preventDefault();
    e.stopImmediatePropagation();
    void askBeforeUpload(decision.question).then((send) => {
      confirmation.answer(decision.keys, send);
      if (send) resume();
    });
    return true;
  };

  const onClick = (e: MouseEvent) => {
    const button = clickedButton(e.composedPath()[0] ?? e.target);
    if (!button || !isSendButton(button)) return;
    const files = filesFor(button);
    if (files.length) hold(e, files, () => (button as HTMLElement).click());
  };
  const onSubmit = (e: SubmitEvent) => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    const files = filesFor(form);
    const submitter = e.submitter;
    if (files.length) hold(e, files, () => form.requestSubmit(submitter && form.contains(submitter) ? submitter : null));
  };

  // the host readies its check runner while the official is still picking the file
  let prewarmedAt = -Infinity;
  const prewarm = () => {
    if (!host.prewarmUpload || performance.now() - prewarmedAt < PREWARM_EVERY_MS) return;
    prewarmedAt = performance.now();
    host.prewarmUpload();
  };
  const onPick = (e: Event) => {
    const t = e.target;
    if (e.type === 'dragenter' ? e instanceof DragEvent && e.dataTransfer?.types.includes('Files') : t instanceof HTMLInputElement && t.type === 'file') prewarm();
  };
  if (document.querySelector('input[type="file" i]')) prewarm();

  const opts = { capture: true, signal };
  window.addEventListener('click', onPick, opts);
  window.addEventListener('focusin', onPick, opts);
  window.addEventListener('dragenter', onPick, opts);
  window.addEventListener('change', onChange, opts);
  window.addEventListener('drop', onDrop, opts);
  window.addEventListener('click', onClick, opts);
  window.addEventListener('submit', onSubmit, opts);
  signal.addEventListener('abort', () => {
    for (const w of watched.values()) w.ui.remove();
    watched.clear();
  });
}

/** The element that stands for a drop area: the nearest ancestor that looks like one, else the target. */
function dropArea(target: Element): Element {
  return target.closest('[class*="drop" i], [class*="upload" i], [data-drop], [aria-dropeffect]') ?? target;
}
