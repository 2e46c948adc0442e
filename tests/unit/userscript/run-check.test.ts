import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../userscript/run-check';

describe('userscript checks without a worker (the page refused one)', () => {
  it('runs the check in slices that yield to the page, with progress up to the end', async () => {
    const json = JSON.stringify([{ licenseNumber: 'Л041-00110-77/00012345', status: 'success' }]);
    const progress: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const report = (await runCheck(new Blob([json]), 'import_result_1.json', (f) => progress.push(f), null)).report();
    clearInterval(timer);
    expect(report.file).toBe('import_result_1.json');
    expect(report.kind).toBe('tor-knd-registry-export');
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
    expect(ticks).toBeGreaterThan(0);
  });

  it('an unreadable file is a report, not an exception', async () => {
    const report = (await runCheck(new Blob([new Uint8Array([0, 1, 2, 255])]), 'мусор.json', () => undefined, null)).report();
    expect(report.verdict).toBe('error');
    expect(report.findings[0].code).toBe('unreadable');
  });
});
