/**
 * Content-script side of the file handoff (lib/upload/handoff.ts): one hidden extension frame per page, in
 * our own shadow root, made when the page shows a file input. A chosen file is posted to it as a `File`
 * reference (structured clone), so its bytes are never read in the page or copied through JSON ports.
 */
import { browser } from 'wxt/browser';
import { createShadowHost } from '../components/inpage/shadow-host';
import { HAND_FILE, UPLOAD_FRAME_PATH, type HandFileMessage } from '../lib/upload/handoff';

/** How long the frame may take to load before the bytes go the old way (over the port). */
const FRAME_LOAD_MS = 3000;

let frame: HTMLIFrameElement | null = null;
let loaded: Promise<boolean> | null = null;

/** The frame, made (again, if the page removed it) and loaded; false when it cannot be had. */
export function handoffFrameReady(): Promise<boolean> {
  if (frame?.isConnected && loaded) return loaded;
  try {
    const { host, root } = createShadowHost('sverka-handoff', ':host { display: none !important; }');
    const f = document.createElement('iframe');
    f.src = browser.runtime.getURL(UPLOAD_FRAME_PATH);
    f.tabIndex = -1;
    f.setAttribute('aria-hidden', 'true');
    f.title = 'Сверка';
    loaded = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), FRAME_LOAD_MS);
      f.addEventListener('load', () => (clearTimeout(timer), resolve(true)), { once: true });
      f.addEventListener('error', () => (clearTimeout(timer), resolve(false)), { once: true });
    });
    root.append(f);
    document.documentElement.append(host);
    frame = f;
    return loaded;
  } catch {
    return Promise.resolve(false);
  }
}

/** Posts the file to the frame under the worker's key; false when there is no frame to take it. */
export async function handToFrame(file: File, key: string): Promise<boolean> {
  if (!(await handoffFrameReady())) return false;
  const win = frame?.contentWindow;
  if (!win || !frame) return false;
  const message: HandFileMessage = { type: HAND_FILE, key, file };
  // only the extension's frame can receive it: the page never sees the key
  win.postMessage(message, new URL(frame.src).origin);
  return true;
}
