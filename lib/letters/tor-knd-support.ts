/**
 * The letter to ГИС ТОР КНД support about renumbering errors (seed 000, п. 9 and the end of section 3): the
 * result file goes to kndsupport@voskhod.ru. The letter names the organisation (from the profile), the files,
 * each failed licence with its error text, and reminds the official to attach the files (mailto cannot).
 */
import { cutAtCodePoint, encodeForMailto, wellFormed } from './safe-text';
import type { CheckReport } from '../checks/report';
import type { Profile } from '../settings';
import { portalById } from '../portals';
import { isEmptyError } from '../renumbering/portal-texts';

export interface TorKndLetter {
  to: string;
  subject: string;
  body: string;
  mailto: string;
  /** Russian: which files to attach (a mailto: link cannot attach them). */
  reminder: string;
  /** Licences listed in the letter as failed. */
  failed: number;
}

/** Longer mailto: links are cut or refused by some mail programs (Cyrillic takes 6 characters a letter encoded). */
export const MAILTO_SAFE_LENGTH = 8000;
/** Licences listed one by one; the rest are counted (the attached file has them all). */
export const LISTED_LICENCES = 300;

const KINDS = new Set(['erul-renumbering-result', 'tor-knd-import-result']);

interface FailedLine {
  old: string;
  text: string;
  file: string;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function failedLines(r: CheckReport): FailedLine[] {
  const file = baseName(r.file);
  const out: FailedLine[] = [];
  for (const rec of r.records ?? []) {
    if (rec.outcome === 'failed') {
      const text = r.kind === 'tor-knd-import-result'
        ? [rec.status ? `статус «${rec.status}»` : '', rec.description ? `«${rec.description}»` : '', !isEmptyError(rec.error) && rec.error !== rec.description ? `ошибка ЕРУЛ «${rec.error}»` : '']
            .filter(Boolean)
            .join(', ')
        : !isEmptyError(rec.error)
          ? `ошибка «${rec.error}»`
          : rec.new
            ? `новый номер «${rec.new}» не по форме ЕРУЛ`
            : 'ЕРУЛ не дал нового номера и не указал ошибку';
      out.push({ old: rec.old || rec.new || '(без номера)', text: text || 'ошибка без описания', file });
    } else if (rec.outcome === 'pairingProblem') {
      const text = rec.old && rec.new
        ? `пара со старым номером не сходится (новый номер «${rec.new}»)`
        : rec.old
          ? 'после старого номера нет записи с новым номером'
          : `новый номер «${rec.new}» без старого номера`;
      out.push({ old: rec.old || rec.new || '(без номера)', text, file });
    }
  }
  return out;
}

function fileLine(r: CheckReport): string {
  const s = r.summary;
  const name = baseName(r.file);
  if (r.kind === 'erul-renumbering-result') {
    return `«${name}» — результат переприсвоения из ЕРУЛ: записей ${s.total ?? 0}, переприсвоено ${s.renumbered ?? 0}, уже в ЕРУЛ ${s.alreadyInErul ?? 0}, с ошибками ${s.failed ?? 0}, без надёжной пары ${s.pairingProblems ?? 0}`;
  }
  return `«${name}» — результат загрузки номеров в ТОР КНД: записей ${s.total ?? 0}, загружено ${s.success ?? 0}, уже в ЕРУЛ ${s.alreadyInErul ?? 0}, с ошибками ${s.failed ?? 0}`;
}

/** Reports that need the letter: renumbering results with failed licences or pairing problems. */
export function needsTorKndLetter(r: CheckReport): boolean {
  return KINDS.has(r.kind) && (Number(r.summary.failed ?? 0) > 0 || Number(r.summary.pairingProblems ?? 0) > 0);
}

export function torKndSupportLetter(reports: readonly CheckReport[], profile: Partial<Profile> = {}): TorKndLetter {
  const to = portalById('tor-knd').supportEmail ?? 'kndsupport@voskhod.ru';
  const files = reports.filter(needsTorKndLetter);
  const used = files.length ? files : reports.filter((r) => KINDS.has(r.kind));
  const org = (profile.orgName ?? '').trim();
  const subject = `Переприсвоение номеров лицензий в ЕРУЛ: ошибки${org ? ` — ${org}` : ''}`;
  const lines: FailedLine[] = used.flatMap(failedLines);
  const names = used.map((r) => `«${baseName(r.file)}»`);

  const ids = [profile.inn?.trim() ? `ИНН ${profile.inn.trim()}` : '', profile.ogrn?.trim() ? `ОГРН ${profile.ogrn.trim()}` : ''].filter(Boolean).join(', ');
  const who = org ? `${org}${ids ? ` (${ids})` : ''}${profile.region?.trim() ? `, ${profile.region.trim()}` : ''}` : '[укажите организацию в настройках расширения]';
  const body: string[] = [
    'Здравствуйте!',
    '',
    `${who} выполняет массовое переприсвоение номеров лицензий в ЕРУЛ по инструкции ГИС ТОР КНД. В результатах есть ошибки, по которым нужна помощь службы технической поддержки.`,
    '',
    'Файлы (прилагаю к письму):',
    ...used.map((r) => `— ${fileLine(r)}`),
    '',
  ];
  if (lines.length) {
    body.push(`Лицензии с ошибками (${lines.length}):`);
    lines.slice(0, LISTED_LICENCES).forEach((l, i) => body.push(`${i + 1}. ${l.old} — ${l.text}${used.length > 1 ? ` (файл «${l.file}»)` : ''}`));
    if (lines.length > LISTED_LICENCES) body.push(`…и ещё ${lines.length - LISTED_LICENCES} — полный список в приложенных файлах.`);
    body.push('');
  }
  body.push('Просим разобрать ошибки и сообщить, когда файлы будут готовы к загрузке в ГИС ТОР КНД («Загрузка присвоенных номеров лицензий из ЕРУЛ»).');
  body.push('');
  body.push(profile.contact?.trim() ? `Контактное лицо: ${profile.contact.trim()}` : 'Контактное лицо: [ФИО, телефон, e-mail]');
  const text = wellFormed(body.join('\n'));
  const reminder = names.length
    ? `Не забудьте приложить к письму ${names.length === 1 ? 'файл' : 'файлы'} ${names.join(', ')}: ссылка «Открыть в почте» не может приложить их сама.`
    : 'Не забудьте приложить к письму файл результата из ЕРУЛ.';
  let mailBody = text;
  const enc = encodeForMailto;
  const make = (b: string) => `mailto:${to}?subject=${enc(subject)}&body=${enc(b)}`;
  if (make(mailBody).length > MAILTO_SAFE_LENGTH) {
    const tail = '\n…\n(Письмо длинное: полный текст скопируйте кнопкой «Скопировать текст» и вставьте сюда.)';
    let cut = text.length;
    while (cut > 0 && make(cutAtCodePoint(text, cut) + tail).length > MAILTO_SAFE_LENGTH) cut = Math.floor(cut * 0.8);
    mailBody = cutAtCodePoint(text, cut) + tail;
  }
  return { to, subject: wellFormed(subject), body: text, mailto: make(mailBody), reminder, failed: lines.length };
}
