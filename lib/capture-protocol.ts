/** Constants and types shared by content scripts and the worker; zod-free so content scripts stay small. */
export const CAPTURE_PORT = 'sverka-capture';
/** Base64 chunk size for relaying captured bytes (runtime messages are JSON in Chromium). */
export const CAPTURE_CHUNK_BYTES = 1024 * 1024;

export interface LinkVerdict {
  url: string;
  entryId: number;
  verdict: 'ok' | 'warn' | 'error';
  headline: string;
}

/** Worker → content script of the tab where the file came from. */
export interface CheckDoneNotice {
  type: 'check-done';
  /** null when the journal could not store the check (the headline then says why). */
  entryId: number | null;
  fileName: string;
  verdict: 'ok' | 'warn' | 'error';
  headline: string;
  sourceUrl?: string;
}

/** Worker → content script over the capture port: the verdict for a file chosen at a portal's file input. */
export interface UploadVerdictNotice {
  type: 'upload-verdict';
  entryId: number | null;
  fileName: string;
  verdict: 'ok' | 'warn' | 'error';
  headline: string;
  notes: string[];
}

/**
 * Worker → content script over the capture port, after the verdict: the journal has the check now (its entry
 * for «Открыть полный отчёт»), or could not store it (`saveError` says why).
 */
export interface UploadRecordedNotice {
  type: 'upload-recorded';
  entryId: number | null;
  saveError?: string;
}

/** Worker → content script: the sender may send the chosen file's bytes now (Сверка is on for this portal). */
export const CAPTURE_ACCEPTED = 'capture-accepted';

/** Worker → content script: the file could not be fetched or checked; its «Проверить» offers a retry. */
export interface CheckFailedNotice {
  type: 'check-failed';
  fileName: string;
  message: string;
  sourceUrl?: string;
}

export const CHECK_FAILED_MESSAGE =
  'Файл не удалось получить с портала для проверки. Нажмите «Не удалось — повторить» рядом со ссылкой на файл или скачайте файл и перетащите его в «Проверить файлы» в меню расширения.';

/** Native Uint8Array base64 (Chromium 140+, Firefox 133+) where it exists: several times faster than btoa. */
interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string;
}
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;

export const UPLOAD_CHECK_FAILED = 'Сверка не смогла проверить этот файл. Загрузить его можно и так; чтобы проверить, перетащите файл в «Проверить файлы» в меню расширения.';

export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as NativeBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let s = '';
  const STEP = 0x8000;
  for (let i = 0; i < bytes.length; i += STEP) s += String.fromCharCode(...bytes.subarray(i, i + STEP));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  if (typeof nativeFromBase64 === 'function') return nativeFromBase64.call(Uint8Array, b64);
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
/** Tag on window messages from our page-world capture script to our isolated content script. */
export const CAPTURE_WINDOW_TAG = 'sverka-capture-v1';
