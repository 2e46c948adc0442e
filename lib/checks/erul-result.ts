/**
 * `erul-renumbering-result`: the JSON that ЕРУЛ «Переприсвоение» returns (seed 000, figures 6–7).
 * Objects alternate {old_number, error} and {new_number}; each old number belongs with the following
 * new-number object (see lib/renumbering/pairing.ts).
 */
import type { KindCheck, KindResult } from './types';
import type { LicenceRecord } from './report';
import { checkNewLicence } from '../ids/licence';
import { findConflicts, problemAt, whereAt, LATIN_NEW, LATIN_OLD, NEW_VALID, SPACES, type Pair } from '../renumbering/pairing';
import { readRenumbering, type ReadRenumbering } from '../renumbering/read';
import { resultShape } from '../renumbering/detect';
import { FindingList, licences } from '../renumbering/findings';
import { participle, plural } from '../plural';
import { ALREADY_IN_ERUL_TEXT, TOR_KND_SUPPORT, isAlreadyInErulError, isEmptyError } from '../renumbering/portal-texts';

/** Why a record is a pairing problem (details.problems of the report). */
export type ProblemCode = 'missing-new' | 'orphan-new' | 'inconsistent' | 'old-twice' | 'new-twice' | 'no-new-number' | 'invalid-new-number';

const SEND_TO_SUPPORT = `Отправьте этот файл в службу поддержки ГИС ТОР КНД (${TOR_KND_SUPPORT}): письмо готово в отчёте.`;
const PAIRS_UNTRUSTED =
  'Не правьте файл вручную: скачайте результат из ЕРУЛ заново; если ошибка повторится — отправьте файл в службу поддержки ГИС ТОР КНД (' +
  `${TOR_KND_SUPPORT}).`;

/** Common tail of both result kinds: the broken-text finding, Latin «L», spaces, empty files. */
export function commonFindings(read: ReadRenumbering, f: FindingList, what: string): void {
  if (read.broken) {
    const got = read.pairs.pairs.length ? ` Из читаемой части взято записей: ${read.pairs.pairs.length}; они проверены, но остальной части файла нет.` : '';
    f.add('error', 'unreadable', `${read.broken.message}${got} Скачайте ${what} заново целиком и проверьте ещё раз.`, read.broken.where);
  }
  let latin = 0;
  let spaces = 0;
  let firstLatin = -1;
  const { flags, pairs } = read.pairs;
  for (let i = 0; i < flags.length; i++) {
    const fl = flags[i] & ~NEW_VALID;
    if (fl === 0) continue;
    if (fl & (LATIN_OLD | LATIN_NEW)) {
      latin++;
      if (firstLatin < 0) firstLatin = i;
    }
    if (fl & SPACES) spaces++;
  }
  if (latin && firstLatin >= 0) {
    f.add(
      'info',
      'latin-letter',
      `Номеров с латинской «L» вместо русской «Л»: ${latin} (например, ${flags[firstLatin] & LATIN_OLD ? pairs[firstLatin].old : pairs[firstLatin].new} — здесь показан уже с русской «Л»). Расширение сопоставило их как русские; в порталах такой номер может не найтись — при ручной правке пишите русскую «Л».`,
      whereAt(read.pairs, firstLatin),
    );
  }
  if (spaces) {
    f.add('info', 'spaces-trimmed', `У ${spaces} ${plural(spaces, 'номера', 'номеров', 'номеров')} были пробелы по краям или внутри — они убраны при сверке. Ничего делать не нужно.`);
  }
}

export function emptyFinding(read: ReadRenumbering, f: FindingList, kindText: string): void {
  if (read.pairs.pairs.length) return;
  if (read.scan.bareStrings.length) {
    f.add(
      'error',
      'no-pairs',
      `В файле только список строк (${read.scan.bareStrings.length}), без записей «старый номер → новый номер». Это не ${kindText}: проверьте, тот ли файл выбран.`,
    );
  } else {
    f.add('error', 'no-licences', `В файле нет ни одной записи с номерами лицензий (old_number / new_number). Это не ${kindText} или он пустой: проверьте, тот ли файл выбран.`);
  }
}

/** Sets p.outcome; returns why the record is a problem (or undefined). No allocation per pair. */
function classify(p: Pair, problem: ProblemCode | undefined, flags: number): ProblemCode | undefined {
  if (problem) {
    p.outcome = 'pairingProblem';
    return problem;
  }
  if (!isEmptyError(p.error)) {
    p.outcome = isAlreadyInErulError(p.error) ? 'alreadyInErul' : 'failed';
    return undefined;
  }
  if (!p.new) {
    p.outcome = 'failed';
    return 'no-new-number';
  }
  if (!(flags & NEW_VALID)) {
    p.outcome = 'failed';
    return 'invalid-new-number';
  }
  p.outcome = 'renumbered';
  return undefined;
}

/** One new number for two licences is looked for in files up to this size (it costs a second hash pass). */
const NEW_TWICE_LIMIT = 50_000;

export function checkErulResult(read: ReadRenumbering): KindResult {
  const f = new FindingList();
  const ps = read.pairs;
  const { pairs } = ps;
  const problems: [number, ProblemCode][] = [];
  for (let i = 0; i < pairs.length; i++) {
    const problem = classify(pairs[i], ps.problem[i] === 0 ? undefined : problemAt(ps, i), ps.flags[i]);
    if (problem) problems.push([i, problem]);
  }
  // the same licence with different new numbers, one new number for two licences: neither pair is trusted
  const conflicted = new Map<number, ProblemCode>();
  const conflictFindings: [string, string, string][] = [];
  for (const c of findConflicts(ps, pairs.length <= NEW_TWICE_LIMIT)) {
    for (const i of c.indexes) {
      if (!conflicted.has(i)) conflicted.set(i, c.kind);
      pairs[i].outcome = 'pairingProblem';
    }
    const list = c.indexes.map((i) => (c.kind === 'old-twice' ? pairs[i].new : pairs[i].old));
    const where = c.indexes.map((i) => whereAt(ps, i)).join(', ');
    conflictFindings.push([
      c.kind,
      c.kind === 'old-twice'
        ? `Лицензия ${c.number} встречается в файле ${c.indexes.length} ${plural(c.indexes.length, 'раз', 'раза', 'раз')} с разными новыми номерами (${[...new Set(list)].join(', ')}). Какой верный, по файлу понять нельзя. ${PAIRS_UNTRUSTED}`
        : `Один и тот же новый номер ${c.number} стоит у разных лицензий (${[...new Set(list)].join(', ')}). Так не бывает: пары в файле перепутаны. ${PAIRS_UNTRUSTED}`,
      where,
    ]);
  }
  for (const [i, code] of conflicted) problems.push([i, code]);

  let renumbered = 0;
  let already = 0;
  let failed = 0;
  let pairing = 0;
  for (let i = 0; i < pairs.length; i++) {
    const outcome = pairs[i].outcome;
    if (outcome === 'renumbered') renumbered++;
    else if (outcome === 'alreadyInErul') already++;
    else if (outcome === 'failed') failed++;
    else pairing++;
  }
  // Each Pair carries old, new, outcome and error; the ЕРУЛ result has no status/description.
  const records: LicenceRecord[] = pairs;

  f.add(
    'info',
    'renumbering-summary',
    `${licences(pairs.length)}: ${renumbered} ${participle(renumbered, 'переприсвоен')}` +
      (already ? `, ${already} уже в ЕРУЛ — не критично` : '') +
      (failed ? `, ${failed} с ошибкой — нужно обращение в службу поддержки ТОР КНД` : '') +
      (pairing ? `, ${pairing} без надёжной пары «старый → новый номер» — файл нужно получить заново` : '') +
      '.',
  );
  commonFindings(read, f, 'результат из ЕРУЛ');
  for (const [code, message, where] of conflictFindings) f.add('error', code, message, where);
  emptyFinding(read, f, 'результат переприсвоения из ЕРУЛ');

  if (already) {
    f.add(
      'info',
      'already-in-erul',
      `${licences(already)} уже имели номер ЕРУЛ (ошибка «${ALREADY_IN_ERUL_TEXT}»). Это не критично: номера были присвоены раньше, делать ничего не нужно, загрузке в ТОР КНД это не мешает.`,
    );
  }
  for (const [i, code] of problems.sort((a, b) => a[0] - b[0])) {
    const p = pairs[i];
    const where = whereAt(ps, i);
    switch (code) {
      case 'missing-new':
        f.add('error', 'pairing-missing-new', `После старого номера ${p.old || '(пустого)'} нет записи с новым номером: следующая запись — снова старый номер или конец файла. Эта лицензия осталась без пары. ${PAIRS_UNTRUSTED}`, where);
        break;
      case 'orphan-new':
        f.add('error', 'pairing-orphan-new', `Новый номер ${p.new || '(пустой)'} стоит без старого номера перед ним: непонятно, к какой лицензии он относится. ${PAIRS_UNTRUSTED}`, where);
        break;
      case 'inconsistent':
        f.add('error', 'pairing-inconsistent', `Пара не сходится: у старого номера ${p.old} и нового ${p.new} разная часть до «/» (вид деятельности, лицензирующий орган, регион). Похоже, записи в файле сдвинуты или перепутаны. ${PAIRS_UNTRUSTED}`, where);
        break;
      case 'no-new-number':
        f.add('error', 'no-new-number', `Лицензия ${p.old}: ЕРУЛ не дал нового номера и не указал ошибку. ${SEND_TO_SUPPORT}`, where);
        break;
      case 'invalid-new-number': {
        const why = checkNewLicence(p.new);
        f.add('error', 'invalid-new-number', `Лицензия ${p.old}: новый номер не по форме ЕРУЛ. ${why.ok ? '' : why.reason} ${SEND_TO_SUPPORT}`, where);
        break;
      }
      default:
        break;
    }
  }
  for (let i = 0; i < pairs.length; i++) {
    if (pairs[i].outcome === 'failed' && !isEmptyError(pairs[i].error)) {
      const p = pairs[i];
      f.add('error', 'erul-error', `Лицензия ${p.old}: ЕРУЛ не переприсвоил номер — ошибка «${p.error}». ${SEND_TO_SUPPORT}`, whereAt(ps, i));
    }
  }

  return {
    summary: { total: pairs.length, renumbered, alreadyInErul: already, failed, pairingProblems: pairing },
    findings: f.done(),
    records,
    details: {
      encoding: read.encoding,
      recovered: Boolean(read.broken),
      problems,
    },
  };
}

export const erulResultKind: KindCheck = {
  id: 'erul-renumbering-result',
  async detect(file) {
    const shape = await resultShape(file);
    if (!shape) return 0;
    if (shape.bareLicenceStrings) return 0.2;
    if (shape.status) return 0.3;
    if (shape.newOrError) return 0.8;
    return 0;
  },
  async check(file) {
    return checkErulResult(await readRenumbering(file));
  },
};
