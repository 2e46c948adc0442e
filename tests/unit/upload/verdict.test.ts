import { describe, expect, it } from 'vitest';
import type { CheckReport, LicenceRecord } from '../../../lib/checks/report';
import { importLedgerNotes } from '../../../lib/upload/import-ledger';
import { UPLOAD_OK, uploadVerdict } from '../../../lib/upload/verdict';

const rec = (old: string, nw: string, outcome: LicenceRecord['outcome'] = 'renumbered'): LicenceRecord => ({ old, new: nw, outcome, error: '' });
const report = (kind: CheckReport['kind'], records: LicenceRecord[], verdict: CheckReport['verdict'] = 'ok'): CheckReport => ({ file: 'f.json', kind, verdict, summary: {}, findings: [], records });

describe('the verdict beside an upload input', () => {
  it('a fine file of the expected kind: «можно загружать»', () => {
    expect(uploadVerdict({ kind: 'sstu-archive', verdict: 'ok' }, 'Архив: 3 файла, в порядке', 'sstu-archive')).toEqual({ verdict: 'ok', headline: UPLOAD_OK, notes: [], wrongKind: false });
    expect(UPLOAD_OK).toBe('Файл в порядке — можно загружать');
  });
  it('a file with problems: the headline of what is wrong', () => {
    expect(uploadVerdict({ kind: 'sstu-archive', verdict: 'error' }, 'Архив: 3 файла, 1 повреждено', null)).toMatchObject({ verdict: 'error', headline: 'Архив: 3 файла, 1 повреждено' });
  });
  it('the wrong kind is an error even when the file itself is fine', () => {
    expect(uploadVerdict({ kind: 'egisso-protocol', verdict: 'ok' }, 'Пакет ЕГИССО: принято 5 из 5', 'erul-renumbering-result')).toEqual({
      verdict: 'error', headline: 'Это протокол обработки, а здесь ждут результат ЕРУЛ', notes: [], wrongKind: true,
    });
  });
  it('a protocol listing rejected records is worth a look, not an error: loading it is right; an unreadable one is an error', () => {
    expect(uploadVerdict({ kind: 'egisso-protocol', verdict: 'error', findings: [{ code: 'egisso-rule-066' }] }, 'отклонено записей: 2', 'egisso-protocol').verdict).toBe('warn');
    expect(uploadVerdict({ kind: 'egisso-protocol', verdict: 'error', findings: [{ code: 'unreadable' }] }, 'XML обрывается', 'egisso-protocol').verdict).toBe('error');
  });
  it('ledger notes raise the verdict and are shown', () => {
    const v = uploadVerdict({ kind: 'erul-renumbering-result', verdict: 'ok' }, 'x', 'erul-renumbering-result', [{ severity: 'warn', code: 'already-imported', message: 'уже загружены' }]);
    expect(v).toEqual({ verdict: 'warn', headline: 'уже загружены', notes: [], wrongKind: false });
    const e = uploadVerdict({ kind: 'erul-renumbering-result', verdict: 'warn' }, '3 лицензии', 'erul-renumbering-result', [{ severity: 'error', code: 'contradicts-earlier', message: 'не сходятся' }]);
    expect(e).toEqual({ verdict: 'error', headline: '3 лицензии', notes: ['не сходятся'], wrongKind: false });
  });
});

describe('the ledger before an ЕРУЛ result is imported into ТОР КНД', () => {
  const chosen = report('erul-renumbering-result', [rec('Л1', 'Н1'), rec('Л2', 'Н2'), rec('Л3', 'Н3'), rec('Л4', '', 'alreadyInErul')]);
  it('says nothing when the journal knows nothing about these licences', () => {
    expect(importLedgerNotes(chosen, [])).toEqual([]);
    expect(importLedgerNotes(chosen, [report('tor-knd-import-result', [rec('Л9', 'Н9')])])).toEqual([]);
  });
  it('counts the licences an earlier ТОР КНД import already took', () => {
    const notes = importLedgerNotes(chosen, [report('tor-knd-import-result', [rec('Л1', 'Н1'), rec('Л2', 'Н2'), rec('Л3', '', 'failed')])]);
    expect(notes).toEqual([{ severity: 'warn', code: 'already-imported', message: '2 лицензии из этого файла уже загружены в ТОР КНД (по журналу Сверки): повторная загрузка им не нужна.' }]);
  });
  it('names the pairs that contradict an earlier ЕРУЛ result or import', () => {
    const notes = importLedgerNotes(chosen, [report('erul-renumbering-result', [rec('Л1', 'Н1'), rec('Л2', 'Н7')]), report('tor-knd-import-result', [rec('Л3', 'Н8')])]);
    expect(notes).toHaveLength(1);
    expect(notes[0].severity).toBe('error');
    expect(notes[0].message).toBe('2 лицензии с другим новым номером, чем в прежнем результате: Л2 → Н2 (раньше Н7); Л3 → Н3 (раньше Н8). Загрузка запишет в реестр не те номера — уточните в поддержке ТОР КНД, какой результат верный.');
  });
  it('is about ЕРУЛ results only', () => {
    expect(importLedgerNotes(report('tor-knd-import-result', [rec('Л1', 'Н1')]), [report('tor-knd-import-result', [rec('Л1', 'Н1')])])).toEqual([]);
  });
});
