/** The human (Russian) rendering of check results for the terminal. */
import type { CheckReport } from '../lib/checks/report';
import { KIND_TITLES } from '../lib/checks/kinds';
import type { Ledger } from '../lib/renumbering/ledger';
import { VERDICT_TEXT } from '../lib/checks/verdict-text';

const MAX_FINDINGS = 20;

export function renderReport(r: CheckReport): string {
  const lines = [`Файл: ${r.file}`, `Что это: ${KIND_TITLES[r.kind]}`, `Итог: ${VERDICT_TEXT[r.verdict]}`];
  const counts = Object.entries(r.summary)
    .map(([k, v]) => `${k}=${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(', ');
  if (counts) lines.push(`Сводка: ${counts}`);
  const shown = r.findings.slice(0, MAX_FINDINGS);
  for (const f of shown) lines.push(`  ${f.severity === 'error' ? '✗' : f.severity === 'warn' ? '!' : '·'} ${f.message}${f.where ? ` (${f.where})` : ''}`);
  if (r.findings.length > shown.length) lines.push(`  … и ещё ${r.findings.length - shown.length} замечаний (полный список: --json)`);
  return lines.join('\n');
}

const STATE_TEXT: Record<Ledger['licences'][number]['state'], string> = {
  imported: 'загружено в ТОР КНД',
  importMismatch: 'загружено с другим номером',
  notImported: 'не загружено в ТОР КНД',
  alreadyInErul: 'уже в ЕРУЛ',
  failed: 'ошибка ЕРУЛ',
  exportedOnly: 'только выгружено',
};

export function renderLedger(l: Ledger): string {
  const lines = [
    'Сводка по переприсвоению:',
    `  переприсвоено в ЕРУЛ: ${l.renumbered}; загружено в ТОР КНД: ${l.imported}; с другим номером: ${l.importMismatch}; не загружено: ${l.notImported}`,
  ];
  const byState = new Map<string, number>();
  for (const lic of l.licences) byState.set(lic.state, (byState.get(lic.state) ?? 0) + 1);
  for (const [state, n] of byState) lines.push(`  ${STATE_TEXT[state as keyof typeof STATE_TEXT]}: ${n}`);
  return lines.join('\n');
}
