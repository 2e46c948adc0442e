/**
 * Report view of an ЕГИССО processing protocol: package, type, status, accepted N of M; records grouped by
 * rule code with the explanation and what to fix; the per-record list; XLSX export. Text only.
 */
import { useMemo, useState } from 'preact/hooks';
import type { KindViewProps } from '../report-views';
import { protocolView, protocolSheets, protocolXlsxName, KIND_WORD } from '../../lib/egisso/report-data';
import { buildXlsx, XLSX_MIME } from '../../lib/export/xlsx';
import { plural } from '../../lib/plural';
import { saveFile as saveBytes } from '../save-file';
import { RESEND_WHOLE_PACKAGE } from '../../lib/checks/egisso-protocol';

const ROWS_SHOWN = 300;

export function EgissoProtocolView({ report }: KindViewProps) {
  const v = useMemo(() => protocolView(report), [report]);
  const [onlyFailed, setOnlyFailed] = useState(false);
  const [codeFilter, setCodeFilter] = useState<string>('');
  const unreadable = report.findings.some((f) => f.code === 'unreadable');
  if (unreadable) return null;

  if (v.messageRejected) return <MessageRejected v={v} />;
  if (v.attachmentOnly) return null;
  const notProcessed = v.packageStatus === 1 || v.packageStatus === 2;
  const rows = v.records.filter((r) => (!onlyFailed || r.failed) && (!codeFilter || r.messages.some((m) => m.code === codeFilter)));
  const exportXlsx = () => saveBytes(buildXlsx(protocolSheets(v)), protocolXlsxName(v), XLSX_MIME);

  return (
    <div class="egisso-protocol">
      <table class="summary" aria-label="Пакет ЕГИССО">
        <tbody>
          <tr><th scope="row">Пакет</th><td>{v.packageID || '—'}</td></tr>
          <tr><th scope="row">Тип пакета</th><td>{v.packageType || '—'}</td></tr>
          <tr><th scope="row">Статус</th><td>{v.packageStatus ?? '—'} — {v.statusText}{v.finishProcessTime ? `, обработка завершена ${v.finishProcessTime}` : ''}</td></tr>
          <tr>
            <th scope="row">Принято</th>
            <td data-testid="accepted">{notProcessed ? 'пакет ещё не обработан' : `${v.recordNumSuccess} из ${v.recordNum}`}{v.failedRecords > 0 ? `, отклонено ${v.failedRecords}` : ''}</td>
          </tr>
        </tbody>
      </table>

      {notProcessed && (
        <p><strong>Пакет ещё не обработан ЕГИССО. Дождитесь статуса 3 («обработан») и скачайте протокол заново.</strong></p>
      )}

      {v.codes.length > 0 && (
        <>
          <h3>По кодам правил</h3>
          <ul class="findings egisso-codes">
            {v.codes.map((c) => (
              <li key={c.code} class={c.errors ? 'error' : c.warnings ? 'warn' : 'info'} data-code={c.code}>
                <strong>Код {c.code || '—'}</strong>: {c.errors > 0 && `${c.errors} ${plural(c.errors, 'ошибка', 'ошибки', 'ошибок')}`}
                {c.errors > 0 && c.warnings > 0 && ', '}
                {c.warnings > 0 && `${c.warnings} ${plural(c.warnings, 'предупреждение', 'предупреждения', 'предупреждений')}`}
                {` в ${c.records} ${plural(c.records, 'записи', 'записях', 'записях')}`}
                <div>{c.title}</div>
                <div><em>Что сделать:</em> {c.fix}</div>
                {c.known && c.reports.length > 0 && <div class="muted">Сообщение ЕГИССО: «{c.reports[0]}»</div>}
                <button type="button" onClick={() => setCodeFilter(codeFilter === c.code ? '' : c.code)} aria-pressed={codeFilter === c.code}>
                  {codeFilter === c.code ? 'Показать все записи' : 'Только записи с этим кодом'}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      {v.records.length > 0 && (
        <>
          <h3>Записи ({rows.length})</h3>
          <div class="row">
            <label class="row" style="font-weight: normal">
              <input type="checkbox" checked={onlyFailed} onChange={(e) => setOnlyFailed((e.currentTarget as HTMLInputElement).checked)} />
              только отклонённые
            </label>
            <button type="button" class="primary" onClick={exportXlsx}>Скачать XLSX</button>
          </div>
          <table class="egisso-records">
            <thead>
              <tr><th>№</th><th>Запись (recID)</th><th>Итог</th><th>Сообщения ЕГИССО</th></tr>
            </thead>
            <tbody>
              {rows.slice(0, ROWS_SHOWN).map((r) => (
                <tr key={r.index} class={r.failed ? 'error' : ''}>
                  <td>{r.index}</td>
                  <td>{r.recID || '—'}</td>
                  <td>{r.failed ? 'отклонена' : 'принята'}</td>
                  <td>
                    {r.messages.length === 0
                      ? 'ЕГИССО не указало причину'
                      : r.messages.map((m, i) => (
                          <div key={i}>
                            {m.code || '—'} ({KIND_WORD[m.kind]}): {m.report}
                          </div>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > ROWS_SHOWN && <p class="muted">Показаны первые {ROWS_SHOWN} из {rows.length}; все записи — в выгрузке XLSX.</p>}
          {v.recordsTruncated && <p class="muted">Записей с сообщениями очень много: в отчёт и выгрузку вошли первые {v.records.length}.</p>}
        </>
      )}
    </div>
  );
}

/** messageResult: the whole message rejected; each error with its code, message and time. */
function MessageRejected({ v }: { v: ReturnType<typeof protocolView> }) {
  return (
    <div class="egisso-protocol">
      <p data-testid="egisso-next"><strong>ЕГИССО отклонило сообщение целиком: ни одна запись не обработана. {RESEND_WHOLE_PACKAGE}</strong></p>
      {v.messageErrors.length > 0 && (
        <table class="egisso-message-errors" aria-label="Ошибки сообщения">
          <thead>
            <tr><th>№</th><th>Код</th><th>Сообщение ЕГИССО</th><th>Время</th></tr>
          </thead>
          <tbody>
            {v.messageErrors.map((e, i) => (
              <tr key={i} class="error">
                <td>{i + 1}</td>
                <td>{e.code || '—'}</td>
                <td>{e.message || 'без пояснения'}</td>
                <td>{e.time || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
