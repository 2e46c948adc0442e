import type { CheckReport } from '../lib/checks/report';
import { headline } from '../lib/checks/headline';
import { VerdictBadge } from './VerdictBadge';

/** The anchor of the i-th report of a batch on the report page. */
export const reportAnchor = (i: number) => `report-${i + 1}`;

/**
 * Several files checked at once: one line per file (verdict, headline, a jump to its report) before the
 * reports themselves, so the whole batch reads at a glance.
 */
export function BatchOverview({ reports }: { reports: readonly CheckReport[] }) {
  const jump = (e: MouseEvent, i: number) => {
    e.preventDefault();
    // the report page, or the userscript's overlay in a shadow root
    const root = (e.currentTarget as Element).getRootNode() as Document | ShadowRoot;
    const target = root.getElementById(reportAnchor(i));
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  };
  return (
    <nav class="card batch-overview" aria-label="Файлы этой проверки">
      <h2>Проверено файлов: {reports.length}</h2>
      <ol>
        {reports.map((r, i) => (
          <li key={i} data-verdict={r.verdict}>
            <VerdictBadge verdict={r.verdict} /> <a href={`#${reportAnchor(i)}`} onClick={(e) => jump(e, i)}>{r.file}</a>
            <span class="muted"> — {headline(r)}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
