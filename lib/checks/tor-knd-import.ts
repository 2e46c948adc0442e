/**
 * `tor-knd-import-result`: the JSON result of ТОР КНД «Загрузка присвоенных номеров лицензий из ЕРУЛ»
 * (seed 000, figures 12–13): merged objects with status «success» / «error» and a description.
 */
import { participle } from '../plural';
import type { KindCheck, KindResult } from './types';
import type { LicenceRecord, RenumberingOutcome } from './report';
import { readRenumbering, type ReadRenumbering } from '../renumbering/read';
import { problemAt, whereAt } from '../renumbering/pairing';
import { resultShape } from '../renumbering/detect';
import { FindingList, licences } from '../renumbering/findings';
import { TOR_KND_SUPPORT, isAlreadyInErulError, isEmptyError } from '../renumbering/portal-texts';
import { commonFindings, emptyFinding } from './erul-result';
import type { Pair } from '../renumbering/pairing';

const SUCCESS = new Set(['success', 'ok', 'успешно', 'успех']);

/** ТОР КНД import outcome of one record. «renumbered» stands for status «success». */
export function importOutcome(p: Pair): RenumberingOutcome {
  const status = (p.status ?? '').trim().toLowerCase();
  if (SUCCESS.has(status)) return 'renumbered';
  // «Ошибка ЕРУЛ для лицензии…» together with ЕРУЛ's «Сервис не предназначен…»: issued after 01.03.2022
  if (isAlreadyInErulError(p.error)) return 'alreadyInErul';
  return 'failed';
}

const SUPPORT = `Напишите в службу поддержки ГИС ТОР КНД (${TOR_KND_SUPPORT}) и приложите этот файл: письмо готово в отчёте.`;

export function checkImportResult(read: ReadRenumbering): KindResult {
  const f = new FindingList();
  const ps = read.pairs;
  const { pairs } = ps;
  const records: LicenceRecord[] = new Array(pairs.length);
  let success = 0;
  let already = 0;
  let failed = 0;
  const failedIdx: number[] = [];
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i];
    const outcome = importOutcome(p);
    p.outcome = outcome;
    p.status ??= '';
    p.description ??= '';
    records[i] = p;
    if (outcome === 'renumbered') success++;
    else if (outcome === 'alreadyInErul') already++;
    else {
      failed++;
      failedIdx.push(i);
    }
  }
  f.add(
    'info',
    'import-summary',
    `${licences(pairs.length)}: ${success} ${participle(success, 'загружен')} в ТОР КНД` +
      (already ? `, ${already} уже имели номер ЕРУЛ (выданы после 01.03.2022) — не критично` : '') +
      (failed ? `, ${failed} не ${participle(failed, 'загружен')} — нужно обращение в службу поддержки ТОР КНД` : '') +
      '.',
  );
  commonFindings(read, f, 'результат загрузки из ТОР КНД');
  emptyFinding(read, f, 'результат загрузки номеров в ТОР КНД');
  if (already) {
    f.add(
      'info',
      'already-in-erul',
      `${licences(already)} со статусом «error» и описанием «Ошибка ЕРУЛ для лицензии…»: эти лицензии выданы после 01.03.2022 и уже имеют номер ЕРУЛ. Это не критично, делать ничего не нужно.`,
    );
  }
  for (const i of failedIdx) {
    const p = pairs[i];
    const why = [p.description, isEmptyError(p.error) || p.error === p.description ? '' : `ошибка ЕРУЛ «${p.error}»`].filter(Boolean).map((x, k) => (k === 0 && p.description ? `«${x}»` : x)).join(', ');
    const status = p.status ? `статус «${p.status}»` : 'без статуса';
    const pp = problemAt(ps, i);
    const problem = pp === 'missing-new' || pp === 'orphan-new' ? ' Запись неполная: старый и новый номер не в одной записи.' : '';
    f.add('error', 'import-failed', `Лицензия ${p.old || p.new || '(без номера)'}: номер не загружен в ТОР КНД — ${status}${why ? `, ${why}` : ''}.${problem} ${SUPPORT}`, whereAt(ps, i));
  }
  return {
    summary: { total: pairs.length, success, alreadyInErul: already, failed },
    findings: f.done(),
    records,
    details: { encoding: read.encoding, recovered: Boolean(read.broken) },
  };
}

export const torKndImportKind: KindCheck = {
  id: 'tor-knd-import-result',
  async detect(file) {
    const shape = await resultShape(file);
    if (!shape || !shape.status) return 0;
    return 0.9;
  },
  async check(file) {
    return checkImportResult(await readRenumbering(file));
  },
};
