import { describe, expect, it } from 'vitest';
import { CheckReportSchema } from '../../../lib/checks/report';
import { checkTimeLimitMs, stoppedReport } from '../../../lib/checks/stopped';

describe('a check stopped from outside', () => {
  it('is a valid error report that says the file is too complex and what to do', () => {
    for (const reason of ['time', 'memory', 'crash'] as const) {
      const r = CheckReportSchema.parse(stoppedReport('отчёт.xls', 5632, reason));
      expect(r.verdict).toBe('error');
      expect(r.findings[0].code).toBe('unreadable');
      expect(r.findings[0].message).toMatch(/^Файл слишком сложный для проверки/);
      expect(r.findings[0].message).toMatch(/Скачайте файл из кабинета заново/);
      expect(r.details).toEqual({ cause: 'too-complex', stopped: reason });
    }
  });

  it('gives bigger files proportionally more time', () => {
    expect(checkTimeLimitMs(0)).toBe(15_000);
    expect(checkTimeLimitMs(100 * 1024 * 1024)).toBe(215_000);
    expect(checkTimeLimitMs(1024 * 1024, 10_000, 1_000)).toBe(11_000);
  });
});
