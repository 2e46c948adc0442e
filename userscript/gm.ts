/**
 * The userscript manager's API (Tampermonkey, Violentmonkey). The build grants exactly the names the bundle
 * uses (scripts/build-userscript.ts reads them from the built file), so use them only through this module.
 */
declare const GM_getValue: <T>(key: string, fallback: T) => T;
declare const GM_setValue: (key: string, value: unknown) => void;
declare const GM_deleteValue: (key: string) => void;
declare const GM_registerMenuCommand: (caption: string, onClick: () => void) => unknown;
declare const unsafeWindow: (Window & typeof globalThis) | undefined;

/** Key–value storage of the userscript manager; a Map stands in for it in unit tests. */
export interface KeyValueStore {
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export const gmStore: KeyValueStore = {
  get: (key, fallback) => GM_getValue(key, fallback),
  set: (key, value) => GM_setValue(key, value),
  delete: (key) => GM_deleteValue(key),
};

export function memoryStore(): KeyValueStore & { dump(): Record<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string, fallback: T) => (values.has(key) ? (structuredClone(values.get(key)) as T) : fallback),
    set: (key, value) => void values.set(key, structuredClone(value)),
    delete: (key) => void values.delete(key),
    dump: () => Object.fromEntries(values),
  };
}

/** The page's own window: the blob hook must patch the page's URL.createObjectURL, not a sandbox copy. */
export function pageWindow(): Window & typeof globalThis {
  return typeof unsafeWindow !== 'undefined' && unsafeWindow ? unsafeWindow : window;
}

export function addMenuCommand(caption: string, onClick: () => void): void {
  if (typeof GM_registerMenuCommand === 'function') GM_registerMenuCommand(caption, onClick);
}
