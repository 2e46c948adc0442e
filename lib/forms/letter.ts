/**
 * The covering e-mail to the ГИС ТОР КНД support (СТП) that goes with a signed application.
 * Personal data of users (СНИЛС, phones) stay in the attached form, not in the e-mail body.
 */
import { encodeForMailto } from '../letters/safe-text';
import { portalById } from '../portals';
import type { AccessRequest } from './model';
import { plural } from '../plural';

export interface CoveringEmail {
  to: string;
  subject: string;
  body: string;
  /** mailto: URL with subject and body (RFC 6068: UTF-8, percent-encoded, CRLF line breaks). */
  mailto: string;
}

function supportAddress(): string {
  const email = portalById('tor-knd').supportEmail;
  if (!email) throw new Error('tor-knd has no support e-mail in lib/portals.ts');
  return email;
}

const FORM_PURPOSE: Record<AccessRequest['appendix'], string> = {
  1: 'для настройки стандартов (п. 1.2 Порядка, Приложение №1)',
  2: 'без подключения к полному функционалу ГИС ТОР КНД (п. 2.1 Порядка, Приложение №2)',
};

export function mailtoUrl(to: string, subject: string, body: string): string {
  const enc = (s: string) => encodeForMailto(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${to}?subject=${enc(subject)}&body=${enc(body)}`;
}

/** Builds the e-mail from the (preferably normalised) request. */
export function coveringEmail(req: AccessRequest): CoveringEmail {
  const to = supportAddress();
  const region = req.region.trim() || '(регион не указан)';
  const subject = `Заявка на предоставление доступа к подсистеме Лицензирование (Приложение №${req.appendix}) — ${region}`;
  const lines: string[] = [
    'Здравствуйте!',
    '',
    `Направляем заявку на предоставление доступа к подсистеме Лицензирование в личном кабинете ГИС ТОР КНД ${FORM_PURPOSE[req.appendix]}.`,
    '',
    `Регион: ${region}.`,
    '',
    'Организации (КНО):',
  ];
  const orgs = req.organisations.filter((o) => o.name.trim() || o.ogrn.trim());
  if (orgs.length === 0) lines.push('— (не указаны)');
  orgs.forEach((o, i) => {
    const parts = [o.name.trim() || '(наименование не указано)', `ОГРН ${o.ogrn.trim() || '—'}`];
    if (o.service.trim()) parts.push(`услуга «${o.service.trim()}»`);
    lines.push(`${i + 1}. ${parts.join(', ')}.`);
  });
  if (req.appendix === 2) {
    const n = req.users.length;
    lines.push('', `Пользователей в заявке: ${n} ${plural(n, 'человек', 'человека', 'человек')}; список с СНИЛС и контактами — в приложенной заявке.`);
  }
  lines.push(
    '',
    'Заявка, подписанная руководителем КНО, приложена к письму (скан с подписью и таблица XLSX).',
    '',
    'С уважением,',
  );
  if (req.signer.name.trim()) lines.push([req.signer.position.trim(), req.signer.name.trim()].filter(Boolean).join(' '));
  const body = lines.join('\n');
  return { to, subject, body, mailto: mailtoUrl(to, subject, body) };
}
