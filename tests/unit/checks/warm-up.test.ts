import { describe, expect, it } from 'vitest';
import { WARM_UP_FILE, warmUpArchive } from '../../../lib/checks/warm-up';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { readZipDirectory, streamsNatively } from '../../../lib/formats/zip';

describe('the spare Worker\'s warm-up files', () => {
  it('a sound ЕРУЛ result, so warming up runs the detection, parsing and report path to the end', async () => {
    const report = await checkSource(WARM_UP_FILE.name, bytesSource(new TextEncoder().encode(WARM_UP_FILE.text)));
    expect(report.kind).toBe('erul-renumbering-result');
    expect(report.verdict).toBe('ok');
  });

  it('a sound ССТУ archive, so warming up inflates (natively, as a real archive\'s entries), checks the CRC and counts the records', async () => {
    const { name, bytes } = warmUpArchive();
    const report = await checkSource(name, bytesSource(bytes));
    expect(report.kind).toBe('sstu-archive');
    expect(report.verdict).toBe('ok');
    const [entry] = (await readZipDirectory(bytesSource(bytes))).entries;
    expect(streamsNatively(entry)).toBe(true);
    expect(bytes.length).toBeLessThan(120_000);
  });
});
