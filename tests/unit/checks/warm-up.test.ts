import { describe, expect, it } from 'vitest';
import { WARM_UP_FILE } from '../../../lib/checks/warm-up';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';

describe('the spare Worker\'s warm-up file', () => {
  it('is a sound ЕРУЛ result, so warming up runs the detection, parsing and report path to the end', async () => {
    const report = await checkSource(WARM_UP_FILE.name, bytesSource(new TextEncoder().encode(WARM_UP_FILE.text)));
    expect(report.kind).toBe('erul-renumbering-result');
    expect(report.verdict).toBe('ok');
  });
});
