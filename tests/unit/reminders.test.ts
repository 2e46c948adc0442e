import { describe, expect, it } from 'vitest';
import { CheckReportSchema, type CheckReport } from '../../lib/checks/report';
import { dayKey, dueReminders, RENUMBERING_REMINDER_DAYS } from '../../lib/reminders';
import type { DashEntry, DashboardSettings } from '../../lib/dashboard';

const settings: DashboardSettings = { closedPeriods: [], userHosts: [] };
const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h);
const report = (r: Partial<CheckReport> & Pick<CheckReport, 'file' | 'kind'>) => CheckReportSchema.parse({ verdict: 'ok', summary: {}, findings: [], ...r });
let id = 1;
const entry = (r: CheckReport, when: Date): DashEntry => ({
  id: id++, fileName: r.file, kind: r.kind, verdict: r.verdict, status: 'done', firstSeenAt: when.getTime(), lastSeenAt: when.getTime(), report: r, portal: null,
});

describe('ССТУ.РФ reminder', () => {
  it('once a day from the 1st to the 5th while the period is open, with the days left on the badge', () => {
    const now = at(2027, 3, 2);
    const first = dueReminders({ now, entries: [], settings, enabled: true, shown: {} });
    expect(first.badgeDays).toBe(4);
    expect(first.reminders).toHaveLength(1);
    expect(first.reminders[0]).toMatchObject({ key: 'sstu:2027-02', day: '2027-03-02', card: 'sstu', title: 'ССТУ.РФ: осталось 4 дня' });
    expect(first.reminders[0].message).toContain('февраль 2027');
    // shown today: not again today (a restarted worker reads the same record), again tomorrow
    const shown = { 'sstu:2027-02': '2027-03-02' };
    expect(dueReminders({ now: at(2027, 3, 2, 18), entries: [], settings, enabled: true, shown }).reminders).toEqual([]);
    expect(dueReminders({ now: at(2027, 3, 3), entries: [], settings, enabled: true, shown }).reminders[0].title).toBe('ССТУ.РФ: осталось 3 дня');
    expect(dueReminders({ now: at(2027, 3, 5), entries: [], settings, enabled: true, shown }).reminders[0].title).toBe('ССТУ.РФ: остался 1 день');
  });

  it('not outside the window, not for a closed period, not when turned off (the badge still counts)', () => {
    expect(dueReminders({ now: at(2027, 3, 6), entries: [], settings, enabled: true, shown: {} })).toEqual({ reminders: [], badgeDays: null });
    expect(dueReminders({ now: at(2027, 3, 2), entries: [], settings: { ...settings, closedPeriods: ['2027-02'] }, enabled: true, shown: {} })).toEqual({ reminders: [], badgeDays: null });
    const closedByReport = entry(report({ file: 'Статус.xls', kind: 'sstu-upload-status', details: { periodClosed: true } }), at(2027, 3, 1));
    expect(dueReminders({ now: at(2027, 3, 2), entries: [closedByReport], settings, enabled: true, shown: {} }).reminders).toEqual([]);
    expect(dueReminders({ now: at(2027, 3, 2), entries: [], settings, enabled: false, shown: {} })).toEqual({ reminders: [], badgeDays: 4 });
  });
});

describe('renumbering reminder', () => {
  const erul = report({
    file: 'result.json',
    kind: 'erul-renumbering-result',
    summary: { total: 2, renumbered: 2, alreadyInErul: 0, failed: 0, pairingProblems: 0 },
    records: [
      { old: '77-01-000001', new: 'Л041-00110-77/00000001', outcome: 'renumbered', error: '' },
      { old: '77-01-000002', new: 'Л041-00110-77/00000002', outcome: 'renumbered', error: '' },
    ],
  });
  it('once, 7 days after a result whose licences were not imported', () => {
    const e = entry(erul, at(2027, 3, 10));
    const early = dueReminders({ now: at(2027, 3, 10 + RENUMBERING_REMINDER_DAYS - 1), entries: [e], settings, enabled: true, shown: {} });
    expect(early.reminders).toEqual([]);
    const due = dueReminders({ now: at(2027, 3, 10 + RENUMBERING_REMINDER_DAYS, 11), entries: [e], settings, enabled: true, shown: {} });
    expect(due.reminders).toHaveLength(1);
    expect(due.reminders[0].message).toMatch(/^2 лицензии из «result\.json» переприсвоены в ЕРУЛ/);
    expect(dueReminders({ now: at(2027, 3, 25), entries: [e], settings, enabled: true, shown: { [due.reminders[0].key]: '2027-03-17' } }).reminders).toEqual([]);
  });
  it('not when the import result came', () => {
    const imp = report({
      file: 'import.json',
      kind: 'tor-knd-import-result',
      summary: { total: 2, success: 2, alreadyInErul: 0, failed: 0 },
      records: erul.records!.map((r) => ({ ...r, status: 'success' })),
    });
    expect(dueReminders({ now: at(2027, 3, 25), entries: [entry(erul, at(2027, 3, 10)), entry(imp, at(2027, 3, 12))], settings, enabled: true, shown: {} }).reminders).toEqual([]);
  });
});

it('day keys are local calendar days', () => {
  expect(dayKey(at(2027, 1, 9, 23))).toBe('2027-01-09');
});
