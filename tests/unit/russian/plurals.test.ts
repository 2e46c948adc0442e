/**
 * Every message template that puts a number before a noun, rendered with 0, 1, 2, 5, 11, 21, 22, 25 and checked
 * against the rule table in agreement.ts — not by eye. A source scan adds that no template writes a number
 * straight before a word of the table without lib/plural.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CheckReportSchema, type CheckReport } from '../../../lib/checks/report';
import { KIND_IDS } from '../../../lib/checks/kinds';
import { headline } from '../../../lib/checks/headline';
import { egissoCard, packageLine, sstuCard, type DashEntry } from '../../../lib/dashboard';
import { sstuBlock } from '../../../lib/dashboard/sstu';
import { unreadableLine } from '../../../lib/dashboard/types';
import { countWord, participle } from '../../../lib/plural';
import { AFTER, agreementErrors } from './agreement';

const NUMBERS = [0, 1, 2, 5, 11, 21, 22, 25];
const SUMMARY_KEYS = ['total', 'renumbered', 'alreadyInErul', 'failed', 'pairingProblems', 'success', 'licences', 'files', 'rows', 'topics', 'lko',
  'succeeded', 'totalLko', 'notUploaded', 'withErrors', 'rejected', 'connectionErrors', 'entries', 'damaged', 'recordNum', 'recordNumSuccess',
  'failedRecords', 'warnings', 'errors', 'packageStatus'];

function report(kind: string, n: number, verdict: 'ok' | 'error' = 'error'): CheckReport {
  const summary: Record<string, number> = Object.fromEntries(SUMMARY_KEYS.map((k) => [k, n]));
  summary.packageStatus = 3;
  return CheckReportSchema.parse({ file: 'f.xlsx', kind, verdict, summary, findings: [] });
}
const entry = (r: CheckReport, extra: Partial<DashEntry> = {}): DashEntry => ({
  id: 1, fileName: r.file, kind: r.kind, verdict: r.verdict, status: 'done', firstSeenAt: Date.UTC(2026, 10, 20), lastSeenAt: Date.UTC(2026, 10, 20), report: r, portal: null, ...extra,
});

/** name → text rendered for a count. */
const TEMPLATES: Record<string, (n: number) => string[]> = {
  headline: (n) => KIND_IDS.map((k) => headline(report(k, n))),
  'card line (ССТУ.РФ)': (n) => KIND_IDS.map((k) => sstuBlock(entry(report(k, n))) ?? ''),
  'package line (ЕГИССО)': (n) => [packageLine(entry(report('egisso-protocol', n)))],
  'card state (ЕГИССО)': (n) => {
    const c = egissoCard([entry(report('egisso-protocol', n))], { closedPeriods: [], userHosts: [] }, Date.UTC(2026, 10, 23));
    return [c.state, ...c.lines];
  },
  'card (ССТУ.РФ)': (n) => {
    const c = sstuCard([entry(report('sstu-lko-without-id', n)), entry(report('sstu-error-report', n))], { closedPeriods: [], userHosts: [] }, Date.UTC(2026, 10, 23));
    return [c.state, ...c.lines];
  },
  'unreadable files line': (n) => [unreadableLine(Array.from({ length: n + 1 }, (_, i) => entry(report('unknown', 1), { id: i, status: 'interrupted' }))) ?? ''],
  'participles': (n) => [`${n} ${participle(n, 'переприсвоен')}`, `${n} ${participle(n, 'повреждён', 'm')}`, countWord(n, 'раз', 'раза', 'раз')],
};

describe('the rule table catches the phrases the issue found wrong', () => {
  it.each(['3 отказов', '2 ошибок соединения', '1 дочерних ЛКО', 'Отклонено 1 запись', 'встречается в файле 5 раза', '21 лицензий', '1 переприсвоено'])('%s', (wrong) => {
    expect(agreementErrors(wrong)).not.toEqual([]);
  });
  it.each(['отказов в приёме — 3', '2 ошибки соединения', '1 дочернее ЛКО', 'Отклонена 1 запись', 'встречается в файле 5 раз', '21 лицензия', 'строка 11 листа «Статус»'])('%s', (right) => {
    expect(agreementErrors(right)).toEqual([]);
  });
});

describe.each(Object.entries(TEMPLATES))('%s', (_name, render) => {
  it.each(NUMBERS)('agrees with %i', (n) => {
    const texts = render(n).filter(Boolean);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.flatMap(agreementErrors)).toEqual([]);
  });
});

describe('source templates', () => {
  const ROOT = join(__dirname, '..', '..', '..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
    });
  const words = new Set(AFTER.flat());
  // constants are one fixed number (their phrase is checked by the table when rendered); «в N раз» (how many
  // times smaller) is always «раз»
  const fine = (expr: string, before: string, word: string) => /^[A-Z_]+$/.test(expr.trim()) || (word === 'раз' && /(^|\s)в\s*$/.test(before));
  it('put no number straight before a noun of the table without lib/plural.ts', () => {
    const bad: string[] = [];
    for (const dir of ['lib', 'components', 'entrypoints', 'platform']) {
      for (const file of files(join(ROOT, dir))) {
        const src = readFileSync(file, 'utf8');
        for (const m of src.matchAll(/\$\{([^{}]*)\}\s+([а-яё]+)/gi)) {
          const before = src.slice(Math.max(0, m.index - 4), m.index);
          if (words.has(m[2].toLowerCase()) && !/plural|countWord|participle/.test(m[1]) && !fine(m[1], before, m[2])) bad.push(`${file.slice(ROOT.length + 1)}: ${m[0]}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('quotes', () => {
  it('«…» outside, „…“ inside', async () => {
    const { quote } = await import('../../../lib/quote');
    expect(quote('Отчёт «Статус» за ноябрь')).toBe('«Отчёт „Статус“ за ноябрь»');
    expect(quote('Пакет "10.06.S"')).toBe('«Пакет „10.06.S“»');
    const { explainRuleCode } = await import('../../../lib/egisso/rule-codes');
    const said = explainRuleCode('999', 'Не найдена мера «Пособие»').title;
    expect(said).toBe('ЕГИССО сообщает: «Не найдена мера „Пособие“».');
  });
});
