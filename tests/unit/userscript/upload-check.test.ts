// @vitest-environment happy-dom
/**
 * The userscript's side of the check at the file picker (userscript/host.ts `checkUpload`): the file is checked
 * in the page (here: in slices, no worker), recorded in the GM journal as seen at upload on this page, and the
 * verdict is the extension's (lib/upload/verdict.ts), the ledger drawn from checks made while the page is open.
 */
import { describe, expect, it } from 'vitest';
import { userscriptHost } from '../../../userscript/host';
import { GmJournal } from '../../../userscript/journal';
import { memoryStore } from '../../../userscript/gm';
import type { UploadResult } from '../../../components/inpage/host';
import { UPLOAD_OK } from '../../../lib/upload/verdict';

/** An ЕРУЛ renumbering result as ЕРУЛ writes it: an old-number object, then a new-number object. */
function erulResult(pairs: [string, string][]): string {
  return JSON.stringify(pairs.flatMap(([o, n]) => [{ old_Number: o, error: '' }, { new_number: n }]));
}

const PAIRS: [string, string][] = [
  ['Л003-00119-76/001000', 'Л003-00119-76/00388800'],
  ['Л023-00119-44/001001', 'Л023-00119-44/00388801'],
];

function host() {
  const store = memoryStore();
  const journal = new GmJournal(store);
  return { journal, host: userscriptHost({ portal: 'tor-knd', journal, workerUrl: null, openReport: () => undefined }) };
}

function upload(h: ReturnType<typeof userscriptHost>, file: File, expect?: string): Promise<UploadResult> {
  return new Promise((resolve) => h.checkUpload(file, expect, resolve));
}

describe('the userscript checks a file chosen at a portal input', () => {
  it('a sound file of the expected kind: «можно загружать», one journal line marked as an upload on this page', async () => {
    const { host: h, journal } = host();
    const r = await upload(h, new File([erulResult(PAIRS)], 'erul.json'), 'erul-renumbering-result');
    expect(r).toMatchObject({ type: 'upload-verdict', verdict: 'ok', headline: UPLOAD_OK, fileName: 'erul.json' });
    const [line] = journal.lines();
    expect(line).toMatchObject({ file: 'erul.json', kind: 'erul-renumbering-result', verdict: 'ok', via: 'upload', url: location.href });
    expect(r !== 'off' && r.entryId).toBe(line.id);
    // the full report is there for «Открыть полный отчёт» while the page is open
    expect(h.report(line.id)?.kind).toBe('erul-renumbering-result');
    // an upload line is not a verdict for a file link at the page's address
    expect(journal.lookup([location.href])).toEqual([]);
  });

  it('a file of the wrong kind is an error that says what is expected', async () => {
    const { host: h } = host();
    const r = await upload(h, new File([erulResult(PAIRS)], 'erul.json'), 'tor-knd-registry-export');
    expect(r).toMatchObject({ verdict: 'error', headline: 'Это результат ЕРУЛ, а здесь ждут выгрузку реестра лицензий из ТОР КНД' });
  });

  it('an ЕРУЛ result that contradicts one checked earlier on this page is an error before the import', async () => {
    const { host: h } = host();
    await upload(h, new File([erulResult(PAIRS)], 'first.json'));
    const changed: [string, string][] = [PAIRS[0], [PAIRS[1][0], 'Л023-00119-44/00399999']];
    const r = await upload(h, new File([erulResult(changed)], 'second.json'), 'erul-renumbering-result');
    expect(r).toMatchObject({ verdict: 'error' });
    expect(r !== 'off' && r.headline).toContain('Л023-00119-44/001001 → Л023-00119-44/00399999 (раньше Л023-00119-44/00388801)');
  });

  it('several files chosen at once are each answered and recorded in the order chosen', async () => {
    const { host: h, journal } = host();
    const results = await Promise.all([upload(h, new File(['{'], 'a.json')), upload(h, new File([erulResult(PAIRS)], 'b.json'))]);
    expect(results.map((r) => r !== 'off' && r.fileName)).toEqual(['a.json', 'b.json']);
    expect(journal.lines().map((l) => l.file)).toEqual(['b.json', 'a.json']);
  });
});
