/**
 * Kind `egisso-protocol`: the ЕГИССО processing protocol XML («файл протокола обработки»), any published
 * version, bare or inside a СМЭВ response (10.05.I, 10.10.I).
 * Summary (contract): packageStatus, recordNum, recordNumSuccess, failedRecords, errors, warnings, byCode,
 * packageId; for a messageResult (the whole message rejected): messageRejected: true, errors.
 * Verdict: error when failedRecords > 0 or errors > 0 (always for messageResult); warn when warnings > 0;
 * otherwise ok. Header counts that disagree with the records are a `warn` finding; the verdict follows the
 * records. A 10.10.I 1.0.4 response that only points at the СМЭВ file storage is `warn`.
 */
import type { PreparedFile } from '../formats/prepared';
import { FormatError } from '../formats/errors';
import { headText } from '../formats/sniff';
import type { Finding } from './report';
import type { KindCheck, KindResult } from './types';
import { describeEgissoXml, egissoTime, protocolReader, protocolSniffer, type ParsedProtocol } from '../egisso/protocol';
import { packageRootOf, rootFromHead } from '../egisso/package-root';
import { explainRuleCode } from '../egisso/rule-codes';
import { plural } from '../plural';

export const PACKAGE_STATUS_TEXT: Readonly<Record<number, string>> = {
  1: 'принят',
  2: 'обрабатывается',
  3: 'обработан',
};

const XML_LIKE = new Set(['xml', 'text']);

const fmt = (n: number): string => n.toLocaleString('ru-RU');

function records(n: number): string {
  return `${fmt(n)} ${plural(n, 'запись', 'записи', 'записей')}`;
}

/** "в 1 записи", "в 5 записях". */
function inRecords(n: number): string {
  return `в ${fmt(n)} ${n % 10 === 1 && n % 100 !== 11 ? 'записи' : 'записях'}`;
}

async function detect(file: PreparedFile): Promise<number> {
  if (!XML_LIKE.has(file.format)) {
    // an XML that starts with a comment is sniffed as HTML: still ours if it names ЕГИССО
    if (file.format !== 'html' || !headText(file.head).includes('urn://egisso-ru/')) return 0;
  }
  const head = headText(file.head);
  if (file.format === 'text' && !head.includes('<')) return 0;
  // an outgoing package (10.06.S data, 10.05.I request) holds no protocol: not read any further
  const root = rootFromHead(head);
  if (root && packageRootOf(root.local, root.uri)) return 0;
  let namesProtocolNs = false;
  const { result: seen } = await file.streamText(() => {
    const sniffer = protocolSniffer();
    return {
      write(chunk) {
        namesProtocolNs ||= chunk.includes('urn://egisso-ru/types/package-protocol/');
        return sniffer.write(chunk);
      },
      end: () => sniffer.end(),
    };
  });
  // A broken document that still names the protocol is ours: check() then says what is broken and where.
  if (seen === 'yes') return 0.95;
  if (seen === 'broken') return namesProtocolNs ? 0.6 : 0.5;
  return 0;
}

/** The contract's summary, exactly these fields. */
function summaryOf(p: ParsedProtocol): KindResult['summary'] {
  if (p.messageResult) return { messageRejected: true, errors: p.messageResult.errorCount };
  return {
    packageId: p.pkg.packageID,
    packageStatus: p.pkg.packageStatus,
    recordNum: p.pkg.recordNum ?? p.recordResults,
    recordNumSuccess: p.pkg.recordNumSuccess ?? 0,
    failedRecords: p.failedRecords,
    errors: p.errors,
    warnings: p.warnings,
    byCode: { ...p.byCode },
  };
}

function codeFindings(p: ParsedProtocol): Finding[] {
  const out: Finding[] = [];
  const sorted = [...p.codes.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.code.localeCompare(b.code));
  for (const st of sorted) {
    const { title, fix, known } = explainRuleCode(st.code, st.reports[0], { message: p.message, warning: st.errors === 0 && st.warnings > 0 });
    const example = known && st.reports.length ? ` Пример сообщения ЕГИССО: «${st.reports[0].replace(/\.$/, '')}».` : '';
    const where = st.recIDs.length ? `записи ${st.recIDs.join(', ')}${st.records > st.recIDs.length ? ' и другие' : ''}` : undefined;
    const label = st.code ? `Код ${st.code}` : 'Без кода';
    if (st.errors > 0) {
      out.push({
        severity: 'error',
        code: st.code ? `egisso-rule-${st.code.replace(/[^a-z0-9]+/gi, '').toLowerCase() || 'x'}` : 'egisso-rule-none',
        message: `${label}: ${fmt(st.errors)} ${plural(st.errors, 'ошибка', 'ошибки', 'ошибок')} ${inRecords(st.records)}. ${title} Что сделать: ${fix}${example}`,
        ...(where ? { where } : {}),
      });
    }
    if (st.warnings > 0) {
      out.push({
        severity: 'warn',
        code: st.code ? `egisso-rule-${st.code.replace(/[^a-z0-9]+/gi, '').toLowerCase() || 'x'}-warning` : 'egisso-rule-none-warning',
        message: `${label}: ${fmt(st.warnings)} ${plural(st.warnings, 'предупреждение', 'предупреждения', 'предупреждений')} — записи приняты, но стоит проверить. ${title} ${fix}${example}`,
        ...(where ? { where } : {}),
      });
    }
    if (st.other > 0) {
      out.push({
        severity: 'info',
        code: 'egisso-message-other-type',
        message: `${label}: ${fmt(st.other)} ${plural(st.other, 'сообщение', 'сообщения', 'сообщений')} с неизвестным типом (не 1 «ошибка» и не 2 «предупреждение»). ${title}${example}`,
        ...(where ? { where } : {}),
      });
    }
  }
  return out;
}

async function check(file: PreparedFile): Promise<KindResult> {
  let head = '';
  const {
    result: p,
    encoding,
  } = await file.streamText(() => {
    const reader = protocolReader();
    return {
      write: (chunk) => reader.write(chunk),
      end() {
        try {
          return reader.end();
        } finally {
          head = reader.head();
        }
      },
    };
  });
  if (!p.found && !p.attachmentOnly) {
    const what = describeEgissoXml(head);
    throw new FormatError(
      'not-a-protocol',
      what ?? 'В файле нет протокола обработки ЕГИССО (элементов protocol/packageResult). Проверьте, тот ли файл скачан.',
    );
  }
  if (p.attachmentOnly) return inStorage(p);
  if (p.messageResult) return messageRejected(p, encoding);
  const pkg = p.pkg;
  const findings: Finding[] = [];
  const name = pkg.packageID ? `Пакет ${pkg.packageID}` : 'Пакет';
  const type = pkg.packageType ? ` («${pkg.packageType}»)` : '';

  if (pkg.packageStatus === 1 || pkg.packageStatus === 2) {
    findings.push({
      severity: 'info',
      code: 'egisso-not-processed',
      message:
        `${name}${type} ещё не обработан: статус ${pkg.packageStatus} — «${PACKAGE_STATUS_TEXT[pkg.packageStatus]}». ` +
        'Ошибок в таком протоколе ещё нет. Дождитесь окончания обработки и скачайте протокол заново (статус 3 — «обработан»).',
    });
  } else if (pkg.packageStatus === null) {
    findings.push({
      severity: 'info',
      code: 'egisso-status-missing',
      message: pkg.packageStatusText
        ? `Статус пакета записан непонятно («${pkg.packageStatusText}»): ожидается 1, 2 или 3. Итоги ниже посчитаны по записям протокола.`
        : 'В протоколе не указан статус пакета (packageStatus). Итоги ниже посчитаны по записям протокола.',
    });
  } else if (pkg.packageStatus !== 3) {
    findings.push({
      severity: 'info',
      code: 'egisso-status-unknown',
      message: `Статус пакета ${pkg.packageStatus} расширению неизвестен (бывают 1 — принят, 2 — обрабатывается, 3 — обработан).`,
    });
  }

  findings.push(...codeFindings(p));

  if (p.failedWithoutMessage > 0) {
    findings.push({
      severity: 'error',
      code: 'egisso-record-rejected',
      message: `${records(p.failedWithoutMessage)} не ${plural(p.failedWithoutMessage, 'принята', 'приняты', 'приняты')} (recordOK = false) без пояснения ЕГИССО. Проверьте эти записи и отправьте их снова; если причина непонятна, обратитесь в поддержку ЕГИССО, приложив протокол.`,
    });
  }

  const recordNum = pkg.recordNum ?? p.recordResults;
  // Contract: an absent recordNumSuccess counts as 0; the text for the official uses what the records say.
  const success = pkg.recordNumSuccess ?? Math.max(0, recordNum - p.failedRecords);
  // recordNumSuccess is absent when nothing succeeded (published reference replies)
  const headerFailed = pkg.recordNum !== null ? pkg.recordNum - (pkg.recordNumSuccess ?? 0) : null;
  if (pkg.packageStatus === 3 && headerFailed !== null && headerFailed !== p.failedRecords) {
    findings.push({
      severity: 'warn',
      code: 'egisso-counts-differ',
      message:
        `Цифры протокола не сходятся: в заголовке принято ${fmt(pkg.recordNumSuccess ?? 0)} из ${fmt(pkg.recordNum ?? 0)} ` +
        `(значит, не принято ${records(Math.max(0, headerFailed))}), а по самим записям протокола не принято ${records(p.failedRecords)}. ` +
        'Так бывает в ответах ЕГИССО; верьте списку записей ниже — итог проверки посчитан по нему.',
    });
  }
  if (p.extraPackageResults > 0) {
    findings.push({
      severity: 'info',
      code: 'egisso-several-packages',
      message: `В файле несколько результатов пакетов (${p.extraPackageResults + 1}); проверен только первый (${pkg.packageID || 'без идентификатора'}).`,
    });
  }
  if (p.recordsTruncated) {
    findings.push({
      severity: 'info',
      code: 'egisso-records-truncated',
      message: `Записей с сообщениями очень много: в подробный список отчёта вошли первые ${fmt(p.records.length)}. Итоги и счётчики по кодам посчитаны по всему файлу.`,
    });
  }

  const processed = pkg.packageStatus === 3;
  if (processed && p.errors === 0 && p.failedRecords === 0) {
    findings.push({
      severity: 'info',
      code: 'egisso-accepted',
      message:
        p.warnings > 0
          ? `${name}${type} обработан: ошибок нет, принято ${fmt(success)} из ${fmt(recordNum)}; есть предупреждения — посмотрите их ниже.`
          : `${name}${type} обработан без ошибок: принято ${fmt(success)} из ${fmt(recordNum)}. Ничего делать не нужно.`,
    });
  } else if (processed) {
    findings.push({
      severity: 'info',
      code: 'egisso-summary',
      message: `${name}${type} обработан: принято ${fmt(success)} из ${fmt(recordNum)}, ${plural(p.failedRecords, 'отклонена', 'отклонены', 'отклонено')} ${records(p.failedRecords)}. Исправьте записи по кодам ошибок выше и отправьте их снова.`,
    });
  }

  const countsDiffer = findings.some((f) => f.code === 'egisso-counts-differ');
  const verdict = p.failedRecords > 0 || p.errors > 0 ? 'error' : p.warnings > 0 || countsDiffer ? 'warn' : 'ok';
  return {
    summary: summaryOf(p),
    findings,
    verdict,
    details: {
      packageID: pkg.packageID,
      message: p.message,
      wrapper: p.wrapper.uri,
      packageType: pkg.packageType,
      packageStatusText: pkg.packageStatus !== null ? PACKAGE_STATUS_TEXT[pkg.packageStatus] ?? '' : '',
      receivingTime: egissoTime(pkg.receivingTime),
      startProcessTime: egissoTime(pkg.startProcessTime),
      finishProcessTime: egissoTime(pkg.finishProcessTime),
      encoding,
      namespaces: p.namespaces,
      forms: p.forms,
      recordResults: p.recordResults,
      codes: [...p.codes.values()].map((c) => ({ ...c, ...explainRuleCode(c.code, c.reports[0], { message: p.message, warning: c.errors === 0 && c.warnings > 0 }) })),
      records: p.records.map((r) => ({
        index: r.index,
        recID: r.recID,
        recordOK: r.recordOK,
        failed: r.failed,
        messages: r.messages,
      })),
      recordsTruncated: p.recordsTruncated,
    },
  };
}

/** The next action after a whole-message rejection. */
export const RESEND_WHOLE_PACKAGE = 'Сформируйте и отправьте пакет заново: ЕГИССО не обработало из него ни одной записи.';

function messageRejected(p: ParsedProtocol, encoding: string): KindResult {
  const mr = p.messageResult!;
  const findings: Finding[] = [];
  mr.errors.forEach((e, i) => {
    const code = e.code ? `код ${e.code}: ` : '';
    const time = e.time ? ` (${egissoTime(e.time)})` : '';
    findings.push({
      severity: 'error',
      code: 'egisso-message-error',
      message: `ЕГИССО отклонило сообщение: ${code}«${e.message.replace(/\.$/, '') || 'без пояснения'}»${time}.`,
      where: `ошибка ${fmt(i + 1)} из ${fmt(mr.errorCount)}`,
    });
  });
  if (mr.errorCount > mr.errors.length) {
    findings.push({ severity: 'info', code: 'egisso-message-errors-truncated', message: `Ошибок очень много: показаны первые ${fmt(mr.errors.length)} из ${fmt(mr.errorCount)}.` });
  }
  const when = mr.processingTime || mr.receivingTime;
  findings.unshift({
    severity: 'error',
    code: 'egisso-message-rejected',
    message:
      `ЕГИССО отклонило сообщение целиком${when ? ` (${egissoTime(when)})` : ''}: ни одна запись пакета не обработана` +
      (mr.errorCount ? ` (${fmt(mr.errorCount)} ${plural(mr.errorCount, 'ошибка', 'ошибки', 'ошибок')} — ниже)` : '') +
      `. ${RESEND_WHOLE_PACKAGE} Чаще всего пакет не соответствует схеме формата или подписан неверно — исправьте по тексту ошибок.`,
  });
  return {
    verdict: 'error',
    summary: summaryOf(p),
    findings,
    details: {
      messageRejected: true,
      message: p.message,
      wrapper: p.wrapper.uri,
      encoding,
      namespaces: p.namespaces,
      receivingTime: egissoTime(mr.receivingTime),
      processingTime: egissoTime(mr.processingTime),
      messageErrors: mr.errors.map((e) => ({ code: e.code, message: e.message, time: egissoTime(e.time) })),
      nextAction: RESEND_WHOLE_PACKAGE,
    },
  };
}

/** A 10.10.I 1.0.4 response: only `attachment` — the protocol itself is in the СМЭВ file storage. */
function inStorage(p: ParsedProtocol): KindResult {
  return {
    verdict: 'warn',
    summary: { packageId: '', packageStatus: null, recordNum: 0, recordNumSuccess: 0, failedRecords: 0, errors: 0, warnings: 0, byCode: {} },
    findings: [
      {
        severity: 'warn',
        code: 'egisso-protocol-in-storage',
        message:
          'Это ответ ЕГИССО 10.10.I версии 1.0.4: в нём нет протокола обработки, только отметка «attachment» — сам протокол передан через файловое хранилище СМЭВ. ' +
          'Скачайте файл протокола, приложенный к этому ответу (в ЕЦП.МИС — «Журнал запросов в ЕГИССО» → «Загрузить файл протокола обработки»; в своей системе — вложение ответа СМЭВ), и проверьте его здесь.',
      },
    ],
    details: { attachmentOnly: true, wrapper: p.wrapper.uri },
  };
}

export const egissoProtocolKind: KindCheck = { id: 'egisso-protocol', detect, check };

/** Hint for the `unknown` kind: an ЕГИССО XML that is not a protocol (a data package) says what it is. */
export function egissoUnknownHint(file: PreparedFile): string | null {
  if (!XML_LIKE.has(file.format)) return null;
  return describeEgissoXml(headText(file.head));
}
