/**
 * One check's report: what the file is, the verdict with the next action, the kind's own view (tables,
 * letters, export), the counts and every finding. File contents are rendered as text only.
 */
import type { CheckReport } from '../lib/checks/report';
import { KIND_TITLES } from '../lib/checks/kinds';
import { headline } from '../lib/checks/headline';
import { nextActionInReport } from '../lib/checks/next-action';
import { FINDINGS_IN_VIEW, KIND_VIEWS } from './report-views';
import { VerdictBadge } from './VerdictBadge';
import { SUMMARY_LABELS } from './summary-labels';

const SEVERITY_WORD = { error: 'Ошибка', warn: 'Внимание', info: 'Для сведения' } as const;
const FINDINGS_SHOWN = 200;

export function ReportView({ report, batch, id }: { report: CheckReport; batch: readonly CheckReport[]; id?: string }) {
  const KindView = KIND_VIEWS[report.kind];
  const summary = Object.entries(report.summary).filter(([, v]) => typeof v !== 'object' || v === null);
  const inView = KindView ? FINDINGS_IN_VIEW[report.kind] : undefined;
  const findings = inView ? report.findings.filter((f) => !inView(f)) : report.findings;
  return (
    <section class="card report" id={id} tabIndex={id ? -1 : undefined} aria-label={`Отчёт о файле ${report.file}`} data-kind={report.kind} data-verdict={report.verdict}>
      <h2 class="row">
        <span class="file-name">{report.file}</span> <VerdictBadge verdict={report.verdict} />
      </h2>
      <p class="muted">{KIND_TITLES[report.kind]}</p>
      <p class="headline"><strong>{headline(report)}</strong></p>
      <p class="next-action">Что делать: {nextActionInReport(report)}</p>
      {KindView && <KindView report={report} batch={batch} />}
      {summary.length > 0 && (
        <details>
          <summary>Сводка</summary>
          <table class="summary">
            <tbody>
              {summary.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{SUMMARY_LABELS[k] ?? k}</th>
                  <td>{typeof v === 'boolean' ? (v ? 'да' : 'нет') : String(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {findings.length > 0 && (
        <>
          <h3>{findings.length < report.findings.length ? 'Другие замечания' : 'Замечания'} ({findings.length})</h3>
          <ul class="findings">
            {findings.slice(0, FINDINGS_SHOWN).map((f, i) => (
              <li key={i} class={f.severity} data-code={f.code}>
                <strong>{SEVERITY_WORD[f.severity]}:</strong> {f.message}
                {f.where && <span class="muted"> — {f.where}</span>}
              </li>
            ))}
          </ul>
          {findings.length > FINDINGS_SHOWN && <p class="muted">Показаны первые {FINDINGS_SHOWN}; полный список — в выгрузке XLSX.</p>}
        </>
      )}
    </section>
  );
}
