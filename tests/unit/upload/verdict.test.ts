import { describe, expect, it } from 'vitest';
import type { CheckReport, LicenceRecord } from '../../../lib/checks/report';
import { importLedgerNotes } from '../../../lib/upload/import-ledger';
import { UPLOAD_OK, uploadVerdict, uploadVerdictNotice, verdictAtUpload } from '../../../lib/upload/verdict';

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

describe('the verdict at upload from either host (verdictAtUpload)', () => {
  /** A finished check whose full report counts how often it is decoded. */
  function checked(r: CheckReport, title = 'итог') {
    let decoded = 0;
    return { c: { kind: r.kind, verdict: r.verdict, headline: title, report: () => (decoded++, r) }, decoded: () => decoded };
  }
  const never = async (): Promise<CheckReport[]> => {
    throw new Error('the journal was read although the ledger does not matter here');
  };

  it('a sound file of the expected kind: «можно загружать», without decoding the report or reading the journal', async () => {
    const { c, decoded } = checked(report('tor-knd-registry-export', []));
    expect(await verdictAtUpload(c, 'tor-knd-registry-export', never)).toMatchObject({ verdict: 'ok', headline: UPLOAD_OK });
    expect(decoded()).toBe(0);
  });

  it('what the page claims to expect counts only when it is a known kind', async () => {
    const { c } = checked(report('egisso-protocol', []));
    expect((await verdictAtUpload(c, 'erul-renumbering-result', never)).wrongKind).toBe(true);
    expect(await verdictAtUpload(c, '<img src=x>', never)).toMatchObject({ verdict: 'ok', wrongKind: false });
    expect(await verdictAtUpload(c, 'unknown', never)).toMatchObject({ verdict: 'ok', wrongKind: false });
  });

  it('a protocol with rejected records is a warning: its findings are read only then', async () => {
    const r: CheckReport = { ...report('egisso-protocol', [], 'error'), findings: [{ severity: 'error', code: 'egisso-rule-066', message: 'отклонено' }] };
    const { c, decoded } = checked(r, 'отклонено записей: 1');
    expect(await verdictAtUpload(c, 'egisso-protocol', never)).toMatchObject({ verdict: 'warn', headline: 'отклонено записей: 1' });
    expect(decoded()).toBe(1);
  });

  it('an ЕРУЛ result at the ТОР КНД import is held against the earlier checks', async () => {
    const { c } = checked(report('erul-renumbering-result', [rec('Л1', 'Н1'), rec('Л2', 'Н2')]));
    const earlier = async () => [report('erul-renumbering-result', [rec('Л2', 'Н7')])];
    const v = await verdictAtUpload(c, 'erul-renumbering-result', earlier);
    expect(v.verdict).toBe('error');
    expect(v.headline).toContain('Л2 → Н2 (раньше Н7)');
    // the same file where an ЕРУЛ result is not what the input takes: no ledger, the wrong kind
    expect(await verdictAtUpload(c, 'tor-knd-registry-export', never)).toMatchObject({ verdict: 'error', wrongKind: true });
  });

  it('becomes the notice the page shows, extra notes last', () => {
    const v = uploadVerdict({ kind: 'sstu-archive', verdict: 'ok' }, 'x', 'sstu-archive');
    expect(uploadVerdictNotice(v, 7, 'Файл_1.zip', ['Журнал не сохранил проверку'])).toEqual({
      type: 'upload-verdict', entryId: 7, fileName: 'Файл_1.zip', verdict: 'ok', headline: UPLOAD_OK, notes: ['Журнал не сохранил проверку'],
    });
  });
});
