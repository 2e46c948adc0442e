/**
 * Drafts of the access-request forms in browser.storage.local under `formDrafts` (one per appendix).
 * Kept out of the journal; they follow its retention period and go with «Удалить все данные».
 */
import { browser } from 'wxt/browser';
import { parseRequest, type AccessRequest, type Appendix } from '../../lib/forms/model';
import type { DraftStore } from '../../components/forms/FormPage';
import { withoutExpiredDrafts } from '../../lib/forms/draft-retention';
import { loadSettings } from '../../platform/settings';

export const FORM_DRAFTS_KEY = 'formDrafts';

type Stored = Partial<Record<'1' | '2', { request: unknown; savedAt: string }>>;

/** Drafts older than the retention period are dropped on read (the worker's retention alarm drops them too). */
async function readAll(): Promise<Stored> {
  const got = await browser.storage.local.get(FORM_DRAFTS_KEY);
  const v = got[FORM_DRAFTS_KEY];
  const all = v && typeof v === 'object' ? (v as Stored) : {};
  const kept = withoutExpiredDrafts(all, (await loadSettings()).retentionDays);
  if (!kept) return all;
  await browser.storage.local.set({ [FORM_DRAFTS_KEY]: kept });
  return kept;
}

/** The worker's retention: form drafts older than the period go. */
export async function expireFormDrafts(retentionDays: number): Promise<void> {
  const got = await browser.storage.local.get(FORM_DRAFTS_KEY);
  const v = got[FORM_DRAFTS_KEY];
  if (!v || typeof v !== 'object') return;
  const kept = withoutExpiredDrafts(v as Stored, retentionDays);
  if (kept) await browser.storage.local.set({ [FORM_DRAFTS_KEY]: kept });
}

export const storageDrafts: DraftStore = {
  async load(appendix: Appendix) {
    const all = await readAll();
    const request = parseRequest(all[String(appendix) as '1' | '2']?.request);
    return request && request.appendix === appendix ? request : null;
  },
  async save(request: AccessRequest) {
    const all = await readAll();
    all[String(request.appendix) as '1' | '2'] = { request, savedAt: new Date().toISOString() };
    await browser.storage.local.set({ [FORM_DRAFTS_KEY]: all });
  },
  async clear(appendix: Appendix) {
    const all = await readAll();
    delete all[String(appendix) as '1' | '2'];
    await browser.storage.local.set({ [FORM_DRAFTS_KEY]: all });
  },
};
