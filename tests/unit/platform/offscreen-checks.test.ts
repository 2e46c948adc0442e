/**
 * The Chromium worker hands files to one offscreen document. Two downloads finishing together once lost the
 * second check: it was refused creating the document and sent its file before the document listened.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import 'fake-indexeddb/auto';

const sighting = { at: 1, fileName: 'lt.xls', portal: 'tor-knd' as const, via: 'download' as const };

const cached = new Map<string, Response>();
function stubCaches() {
  const store = cached;
  store.clear();
  vi.stubGlobal('caches', {
    open: async () => ({ put: async (k: string, r: Response) => void store.set(k, r), delete: async (k: string) => store.delete(k) }),
  });
}

let documents = 0;
let listening = false;

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
  stubCaches();
  documents = 0;
  listening = false;
  const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
  runtime.getContexts = async () => Array.from({ length: documents }, () => ({}));
  // like Chromium: a second document is refused; the document listens only once its script has loaded
  (fakeBrowser as unknown as Record<string, unknown>).offscreen = {
    createDocument: async () => {
      if (documents > 0) throw new Error('Error: Only a single offscreen document may be created.');
      documents = 1;
      await new Promise((r) => setTimeout(r, 50));
      listening = true;
    },
  };
  runtime.sendMessage = vi.fn(async (m: { sighting: { fileName: string } }) => {
    if (!listening) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { entryId: 1, verdict: 'ok', headline: m.sighting.fileName };
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('handing checks to the offscreen document', () => {
  it('two files at once: one document, both checks answered', async () => {
    const { checkAndRecordInBackground } = await import('../../../platform/offscreen-checks');
    // the second arrives while the document is listed but still loading its script
    const first = checkAndRecordInBackground(new Blob(['a']), sighting);
    await new Promise((r) => setTimeout(r, 20));
    const second = checkAndRecordInBackground(new Blob(['b']), { ...sighting, fileName: 'styles.xls' });
    const [a, b] = await Promise.all([first, second]);
    expect([a.headline, b.headline]).toEqual(['lt.xls', 'styles.xls']);
    expect(documents).toBe(1);
  });

  it('a document made by an earlier worker and still loading is asked again, not given up on', async () => {
    documents = 1;
    setTimeout(() => (listening = true), 300);
    (fakeBrowser.runtime as unknown as Record<string, unknown>).getContexts = async () => [{}];
    const { checkAndRecordInBackground } = await import('../../../platform/offscreen-checks');
    expect((await checkAndRecordInBackground(new Blob(['a']), sighting)).headline).toBe('lt.xls');
  });

  it('the document closed mid-check: the file is checked once more under the same running entry, never a third time', async () => {
    const { checkAndRecordInBackground } = await import('../../../platform/offscreen-checks');
    const send = fakeBrowser.runtime.sendMessage as unknown as ReturnType<typeof vi.fn>;
    const closed = new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
    send.mockRejectedValueOnce(closed);
    listening = true;
    documents = 1;
    expect((await checkAndRecordInBackground(new Blob(['a']), sighting)).headline).toBe('lt.xls');
    const keys = send.mock.calls.map((c) => (c[0] as { runningKey: string }).runningKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);

    send.mockClear();
    send.mockRejectedValue(closed);
    await expect(checkAndRecordInBackground(new Blob(['b']), sighting)).rejects.toThrow('message channel closed');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('a file handed to the extension frame is asked for by its key, never copied into Cache Storage', async () => {
    const { checkAndRecordInBackground } = await import('../../../platform/offscreen-checks');
    const send = fakeBrowser.runtime.sendMessage as unknown as ReturnType<typeof vi.fn>;
    listening = true;
    documents = 1;
    const handed = { handoff: 'ab'.repeat(16), size: 3 };
    expect((await checkAndRecordInBackground(handed, sighting)).headline).toBe('lt.xls');
    expect((send.mock.calls[0][0] as { handed?: unknown }).handed).toEqual(handed);
    expect(cached.size).toBe(0);
  });

  it('a handed file that never reached the document: HandoffMissing at once, no second try, nothing interrupted', async () => {
    const { checkAndRecordInBackground, HandoffMissing, HANDOFF_MISSING } = await import('../../../platform/offscreen-checks');
    const send = fakeBrowser.runtime.sendMessage as unknown as ReturnType<typeof vi.fn>;
    send.mockResolvedValue(HANDOFF_MISSING);
    listening = true;
    documents = 1;
    await expect(checkAndRecordInBackground({ handoff: 'cd'.repeat(16), size: 3 }, sighting)).rejects.toBeInstanceOf(HandoffMissing);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
