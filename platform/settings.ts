import { browser } from 'wxt/browser';
import { applyManaged, withoutManaged, type Locked } from '../lib/managed';
import { parseSettings, type Settings } from '../lib/settings';
import { MANAGED_COPY_KEY, readManaged } from './managed-storage';

const KEY = 'settings';

async function loadLocal(): Promise<Settings> {
  const got = await browser.storage.local.get(KEY);
  return parseSettings(got[KEY]);
}

/** The settings in force, with which of them the organisation fixed. */
export async function loadSettingsWithLocks(): Promise<{ settings: Settings; locked: Locked }> {
  const [local, managed] = await Promise.all([loadLocal(), readManaged()]);
  return applyManaged(local, managed);
}

export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsWithLocks()).settings;
}

/** Stores the official's own choices; values the organisation manages are not copied into local storage. */
export async function saveSettings(settings: Settings): Promise<void> {
  const [local, managed] = await Promise.all([loadLocal(), readManaged()]);
  const { locked } = applyManaged(local, managed);
  await browser.storage.local.set({ [KEY]: parseSettings(withoutManaged(parseSettings(settings), local, locked)) });
}

export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if ((area === 'local' && (KEY in changes || MANAGED_COPY_KEY in changes)) || area === 'managed') void loadSettings().then(listener);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
