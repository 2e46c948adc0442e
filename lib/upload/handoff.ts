/**
 * A chosen file handed to the extension without copying its bytes (Chromium): the content script posts the
 * `File` to a hidden extension frame (structured clone: a reference, not 30 MB of base64 through JSON ports),
 * and the offscreen document asks that frame for it by a one-time key. The key is issued by the service
 * worker over the tab's capture port, so a page — which can post to the frame too — cannot make Сверка check
 * a file under a key it does not know, and a file under an unknown key is never asked for.
 */
import { MAX_FILE_BYTES } from '../checks/limits';

export const UPLOAD_FRAME_PATH = '/upload-frame.html' as const;
/** Content script → frame (window.postMessage). */
export const HAND_FILE = 'sverka-hand-file';
/** Offscreen document ⇄ frames, extension origin only. */
export const HANDOFF_CHANNEL = 'sverka-upload-handoff';

/** How many files a frame holds at once (pages post to it too: a flood only pushes files out, never in). */
export const HELD_FILES = 8;
/** How long a frame keeps a file: long enough to hand it again to a check resumed after a crash. */
export const HOLD_MS = 2 * 60_000;

const KEY = /^[0-9a-f]{32}$/;

/** A fresh one-time key: 128 random bits in hex. */
export function handoffKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const isHandoffKey = (key: unknown): key is string => typeof key === 'string' && KEY.test(key);

export interface HandFileMessage {
  type: typeof HAND_FILE;
  key: string;
  file: Blob;
}

/** What a frame accepts from `postMessage`: the shape, a well-formed key, a file within the size limit. */
export function handFileMessage(data: unknown): HandFileMessage | null {
  const m = data as Partial<HandFileMessage> | null;
  if (!m || typeof m !== 'object' || m.type !== HAND_FILE || !isHandoffKey(m.key)) return null;
  if (typeof Blob === 'undefined' || !(m.file instanceof Blob) || m.file.size > MAX_FILE_BYTES) return null;
  return { type: HAND_FILE, key: m.key, file: m.file };
}

export type HandoffChannelMessage = { type: 'want'; key: string } | { type: 'file'; key: string; file: Blob };

/** Files a frame holds, newest kept, each for HOLD_MS at most. */
export class HeldFiles<F = Blob> {
  private readonly held = new Map<string, { file: F; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  hold(key: string, file: F): void {
    this.drop();
    this.held.delete(key);
    this.held.set(key, { file, until: this.now() + HOLD_MS });
    while (this.held.size > HELD_FILES) this.held.delete(this.held.keys().next().value as string);
  }

  get(key: string): F | undefined {
    this.drop();
    return this.held.get(key)?.file;
  }

  get size(): number {
    this.drop();
    return this.held.size;
  }

  private drop(): void {
    const now = this.now();
    for (const [key, { until }] of this.held) if (until <= now) this.held.delete(key);
  }
}
