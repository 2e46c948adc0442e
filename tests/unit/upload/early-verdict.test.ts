/**
 * The verdict at a file input is formed from the report as soon as it exists (platform/upload-check.ts): once,
 * without waiting for the file's hash — except where the import ledger is read, which leaves the file's own
 * earlier sightings out by that hash.
 */
import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import type { CheckReport } from '../../../lib/checks/report';
import type { UploadVerdictNotice } from '../../../lib/capture-protocol';
import { earlyUploadVerdict } from '../../../platform/upload-check';

const report = (kind: string, verdict: CheckReport['verdict'] = 'ok'): CheckReport => ({ file: 'f', kind, verdict, summary: {}, findings: [] }) as unknown as CheckReport;
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the early verdict at a file input', () => {
  it('an archive: from the report alone, before the hash, and only once', async () => {
    const sent: UploadVerdictNotice[] = [];
    const hear = earlyUploadVerdict('Файл_1.zip', 'sstu-archive', (n) => sent.push(n));
    hear({ report: report('sstu-archive') });
    await settle();
    expect(sent).toHaveLength(1);
    hear({ report: report('sstu-archive'), sha256: 'a'.repeat(64) });
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0].fileName).toBe('Файл_1.zip');
  });

  it('an ЕРУЛ result at the ТОР КНД import: waits for the hash the ledger needs', async () => {
    const sent: UploadVerdictNotice[] = [];
    const hear = earlyUploadVerdict('result.json', 'erul-renumbering-result', (n) => sent.push(n));
    hear({ report: report('erul-renumbering-result') });
    await settle();
    expect(sent).toHaveLength(0);
    hear({ report: report('erul-renumbering-result'), sha256: 'b'.repeat(64) });
    await settle();
    expect(sent).toHaveLength(1);
  });
});
