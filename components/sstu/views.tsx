/**
 * Report views of the ПОС «ССТУ.РФ» kinds (registered in components/report-views.ts): the error summary with
 * the support letter, the children without an ССТУ.РФ id, the tree's upload state, transfer errors and
 * archives. Everything is rendered as text; exports go through lib/export/xlsx.ts (cells neutralised).
 */
import { useMemo, useState } from 'preact/hooks';
import type { KindViewProps } from '../report-views';
import type { CheckReport } from '../../lib/checks/report';
import { buildXlsx, XLSX_MIME, type ExportSheet } from '../../lib/export/xlsx';
import {
  archiveDetails,
  errorRowsSheet,
  errorSummary,
  exportName,
  letterInput,
  lkoLabel,
  lkoWithoutIdRows,
  lkoWithoutIdSheet,
  OUTCOME_TEXT,
  sameKind,
  statusDetails,
  statusSheet,
  summarySheet,
  unboundSummary,
  type SummaryRow,
} from '../../lib/sstu/report-data';
import { listShort, plural } from '../../lib/sstu/table';
import { SupportLetter } from './SupportLetter';
import { sizeText } from '../../lib/checks/sstu-archive';
import type { OrgProfile } from '../../lib/letters/pos-support';
import { saveFile as saveBytes } from '../save-file';

const ROWS_SHOWN = 500;

function ExportButton({ file, what, sheets }: { file: string; what: string; sheets: () => ExportSheet[] }) {
  return (
    <button type="button" data-testid="export-xlsx" onClick={() => saveBytes(buildXlsx(sheets()), exportName(file, what), XLSX_MIME)}>
      Скачать XLSX
    </button>
  );
}

const unreadable = (r: CheckReport) => r.findings.some((f) => f.code === 'unreadable');

function SummaryTable({ rows, label }: { rows: readonly SummaryRow[]; label: string }) {
  const withType = rows.some((r) => r.errorType);
  return (
    <table aria-label={label} data-testid="summary-table">
      <thead>
        <tr>
          <th scope="col">Категория</th>
          <th scope="col">Подкатегория</th>
          <th scope="col">Факт</th>
          {withType && <th scope="col">Тип ошибки</th>}
          <th scope="col">Сообщений</th>
          <th scope="col">ЛКО</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, ROWS_SHOWN).map((r, i) => (
          <tr key={i}>
            <td>{r.category || '—'}</td>
            <td>{r.subcategory || '—'}</td>
            <td>{r.fact || '—'}</td>
            {withType && <td>{r.errorType}</td>}
            <td>{r.messages}</td>
            <td>{listShort(r.lko.map(lkoLabel), 5)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** For tests: the profile instead of the settings storage. */
export interface SstuViewExtra {
  profile?: OrgProfile;
}

export function UnboundTopicsView({ report, batch, profile }: KindViewProps & SstuViewExtra) {
  const reports = useMemo(() => sameKind(report, batch), [report, batch]);
  const rows = useMemo(() => unboundSummary(reports), [reports]);
  const input = useMemo(() => letterInput(report, batch, { name: '' }), [report, batch]);
  if (unreadable(report)) return null;
  const messages = rows.reduce((s, r) => s + r.messages, 0);
  return (
    <div class="sstu-view">
      <p data-testid="sstu-headline">
        {rows.length === 0
          ? 'Сообщений без тематик УРОГ нет: обращаться в поддержку не нужно.'
          : `${rows.length} ${plural(rows.length, 'тематика', 'тематики', 'тематик')} без привязки к классификатору УРОГ, ${messages} ${plural(messages, 'сообщение', 'сообщения', 'сообщений')}` +
            (reports.length > 1 ? ` (по ${reports.length} перечням)` : '') +
            '. Отправьте письмо ниже в поддержку Оператора ПОС: после привязки тематик выгрузите данные заново.'}
      </p>
      {rows.length > 0 && (
        <>
          <div class="row">
            <ExportButton file={report.file} what="тематики без УРОГ" sheets={() => [summarySheet('Тематики без УРОГ', rows)]} />
          </div>
          <SummaryTable rows={rows} label="Тематики без привязки к УРОГ" />
          {rows.length > ROWS_SHOWN && <p class="muted">Показаны первые {ROWS_SHOWN}; все строки — в XLSX.</p>}
          <SupportLetter input={input && { topics: input.topics }} profile={profile} />
        </>
      )}
    </div>
  );
}

export function LkoWithoutIdView({ report }: KindViewProps) {
  if (unreadable(report)) return null;
  const lko = lkoWithoutIdRows(report);
  return (
    <div class="sstu-view">
      <p data-testid="sstu-headline">
        {lko.length === 0
          ? 'У всех дочерних ЛКО есть идентификатор органа в ССТУ.РФ.'
          : `${lko.length} ${plural(lko.length, 'дочернее ЛКО', 'дочерних ЛКО', 'дочерних ЛКО')} без идентификатора органа в ССТУ.РФ. Свяжитесь с их администраторами: ` +
            'каждый получает идентификатор в органе, в ведении которого находится организация, и вносит его в разделе «ССТУ.РФ» ПОС.'}
      </p>
      {lko.length > 0 && (
        <>
          <div class="row">
            <ExportButton file={report.file} what="ЛКО без идентификатора" sheets={() => [lkoWithoutIdSheet(report)]} />
          </div>
          <table aria-label="Дочерние ЛКО без идентификатора в ССТУ.РФ" data-testid="lko-table">
            <thead>
              <tr>
                <th scope="col">ИД ЛКО</th>
                <th scope="col">Название ЛКО</th>
              </tr>
            </thead>
            <tbody>
              {lko.slice(0, ROWS_SHOWN).map((l) => (
                <tr key={`${l.id}\u0000${l.name}`}>
                  <td>{l.id}</td>
                  <td>{l.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

export function UploadStatusView({ report }: KindViewProps) {
  const [onlyProblems, setOnlyProblems] = useState(true);
  const d = statusDetails(report);
  if (unreadable(report) || !d) return null;
  const s = report.summary;
  const shown = d.lko.filter((l) => !onlyProblems || l.outcome !== 'succeeded');
  const figure = (k: 'totalLko' | 'succeeded' | 'notUploaded' | 'withErrors') => {
    const stated = d.stated[k];
    const counted = d.counted[k];
    if (!stated) return `${counted} (по строкам)`;
    return stated.value === counted ? String(counted) : `${stated.value} в итогах, ${counted} по строкам`;
  };
  return (
    <div class="sstu-view">
      <table class="summary" aria-label="Состояние выгрузки по дереву ЛКО" data-testid="tree-state">
        <tbody>
          <tr><th scope="row">Всего ЛКО</th><td>{figure('totalLko')}</td></tr>
          <tr><th scope="row">Успешно осуществили выгрузку</th><td>{figure('succeeded')}</td></tr>
          <tr><th scope="row">Не осуществили выгрузку</th><td>{figure('notUploaded')}</td></tr>
          <tr><th scope="row">Осуществили выгрузку с ошибками</th><td>{figure('withErrors')}</td></tr>
          <tr><th scope="row">Итоги сходятся со строками</th><td>{s.consistent === false ? 'Нет — скачайте отчёт заново' : 'Да'}</td></tr>
          <tr><th scope="row">Отчётный период</th><td>{d.periodClosed ? 'закрыт' : 'не закрыт'}</td></tr>
          {d.requiredStatuses !== null && <tr><th scope="row">Статусов к передаче</th><td>{d.requiredStatuses}</td></tr>}
        </tbody>
      </table>
      <div class="row">
        <label class="row" style="font-weight: normal">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems((e.target as HTMLInputElement).checked)} />
          Только ЛКО, которые не выгрузили данные или выгрузили с ошибками
        </label>
        <ExportButton file={report.file} what="статус по ЛКО" sheets={() => [statusSheet(report)]} />
      </div>
      <table aria-label="ЛКО дерева" data-testid="lko-status-table">
        <thead>
          <tr>
            <th scope="col">ЛКО</th>
            <th scope="col">Итог</th>
            <th scope="col">Почему</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, ROWS_SHOWN).map((l) => (
            <tr key={l.row} class={l.outcome === 'succeeded' ? '' : 'error-text'}>
              <td>{lkoLabel(l)}</td>
              <td>{OUTCOME_TEXT[l.outcome]}</td>
              <td>{l.reason || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p class="muted">Таких ЛКО нет.</p>}
    </div>
  );
}

export function ErrorReportView({ report, batch, profile }: KindViewProps & SstuViewExtra) {
  const reports = useMemo(() => sameKind(report, batch), [report, batch]);
  const rows = useMemo(() => errorSummary(reports), [reports]);
  const input = useMemo(() => letterInput(report, batch, { name: '' }), [report, batch]);
  if (unreadable(report)) return null;
  const s = report.summary;
  return (
    <div class="sstu-view">
      <p data-testid="sstu-headline">
        {Number(s.rows) === 0
          ? 'Ошибок передачи в ССТУ.РФ нет.'
          : `Не переданы ${s.rows} ${plural(Number(s.rows), 'сообщение', 'сообщения', 'сообщений')}: ошибок связи — ${s.connectionErrors} ` +
            `(ПОС повторит сам — ${s.retryExpected}), отказов в приёме — ${s.rejected}.`}
      </p>
      {rows.length > 0 && (
        <>
          <div class="row">
            <ExportButton
              file={report.file}
              what="ошибки передачи"
              sheets={() => [summarySheet('Сводка', rows), ...reports.map((r) => errorRowsSheet(r))]}
            />
          </div>
          <SummaryTable rows={rows} label="Ошибки передачи по тематикам" />
          {input && <SupportLetter input={{ transferErrors: input.transferErrors }} profile={profile} />}
        </>
      )}
    </div>
  );
}

export function ArchiveView({ report }: KindViewProps) {
  const d = archiveDetails(report);
  if (unreadable(report) || !d) return null;
  const batch = (report.details?.batch ?? null) as { numbers: number[]; missing: number[] } | null;
  return (
    <div class="sstu-view">
      <table class="summary" aria-label="Архив для ССТУ.РФ" data-testid="archive-table">
        <tbody>
          <tr><th scope="row">Номер архива</th><td>{d.number ?? '—'}</td></tr>
          <tr><th scope="row">Файлов в архиве</th><td>{String(report.summary.entries)}</td></tr>
          <tr><th scope="row">Размер</th><td>{sizeText(Number(report.summary.bytes))}{report.summary.overSizeLimit ? ' — больше предела в 100 МБ' : ''}</td></tr>
          <tr><th scope="row">Повреждённых файлов</th><td>{String(report.summary.damaged)}</td></tr>
          {d.encrypted > 0 && <tr><th scope="row">С паролем</th><td>{d.encrypted}</td></tr>}
          {d.statusRecords !== null && <tr><th scope="row">Записей о статусах</th><td>{d.statusRecords}</td></tr>}
          {batch && <tr><th scope="row">Проверены вместе</th><td>{batch.numbers.map((n) => `Файл_${n}`).join(', ')}{batch.missing.length ? `; нет ${batch.missing.map((n) => `Файл_${n}`).join(', ')}` : ''}</td></tr>}
        </tbody>
      </table>
      {d.damagedEntries.length > 0 && (
        <ul class="findings">
          {d.damagedEntries.slice(0, ROWS_SHOWN).map((e) => (
            <li class="error" key={e.name}>{e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
