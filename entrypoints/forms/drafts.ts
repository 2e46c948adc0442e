/**
 * Drafts of the access-request forms in browser.storage.local under `formDrafts` (one per appendix).
 * Kept out of the journal for now; the journal may take them over later.
 */
import { browser } from 'wxt/browser';
import { parseRequest, type AccessRequest, type Appendix } from '../../lib/forms/model';
import type { DraftStore } from '../../components/forms/FormPage';

export const FORM_DRAFTS_KEY = 'formDrafts';

type Stored = Partial<Record<'1' | '2', { request: unknown; savedAt: string }>>;

async function readAll(): Promise<Stored> {
  const got = await browser.storage.local.get(FORM_DRAFTS_KEY);
  const v = got[FORM_DRAFTS_KEY];
  return v && typeof v === 'object' ? (v as Stored) : {};
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
