/**
 * Before an ЕРУЛ result is uploaded to ТОР КНД («Загрузка присвоенных номеров лицензий из ЕРУЛ»): what the
 * journal already knows about its licences. Pure: a function of the chosen report and earlier reports.
 */
import type { CheckReport, Severity } from '../checks/report';
import { plural } from '../plural';

export interface LedgerNote {
  severity: Extract<Severity, 'warn' | 'error'>;
  code: 'already-imported' | 'contradicts-earlier';
  message: string;
}

const SHOWN = 3;

function licencesWord(n: number): string {
  return `${n} ${plural(n, 'лицензия', 'лицензии', 'лицензий')}`;
}

/** Notes for the ЕРУЛ result about to be imported, given every earlier renumbering report (the chosen one excluded). */
export function importLedgerNotes(chosen: CheckReport, earlier: readonly CheckReport[]): LedgerNote[] {
  if (chosen.kind !== 'erul-renumbering-result') return [];
  const imported = new Map<string, Set<string>>();
  const erulNew = new Map<string, string>();
  for (const r of earlier) {
    for (const rec of r.records ?? []) {
      if (!rec.old || !rec.new || rec.outcome !== 'renumbered') continue;
      if (r.kind === 'tor-knd-import-result') {
        const set = imported.get(rec.old) ?? new Set<string>();
        set.add(rec.new);
        imported.set(rec.old, set);
      } else if (r.kind === 'erul-renumbering-result' && !erulNew.has(rec.old)) {
        erulNew.set(rec.old, rec.new);
      }
    }
  }
  const already: string[] = [];
  const contradictions: string[] = [];
  for (const rec of chosen.records ?? []) {
    if (!rec.old || !rec.new || rec.outcome !== 'renumbered') continue;
    const done = imported.get(rec.old);
    if (done?.has(rec.new)) already.push(rec.old);
    const before = erulNew.get(rec.old) ?? (done && !done.has(rec.new) ? [...done][0] : undefined);
    if (before && before !== rec.new) contradictions.push(`${rec.old} → ${rec.new} (раньше ${before})`);
  }
  const notes: LedgerNote[] = [];
  if (contradictions.length) {
    const more = contradictions.length > SHOWN ? ` и ещё ${contradictions.length - SHOWN}` : '';
    notes.push({
      severity: 'error',
      code: 'contradicts-earlier',
      message: `${licencesWord(contradictions.length)} с другим новым номером, чем в прежнем результате: ${contradictions.slice(0, SHOWN).join('; ')}${more}. Загрузка запишет в реестр не те номера — уточните в поддержке ТОР КНД, какой результат верный.`,
    });
  }
  if (already.length) {
    notes.push({
      severity: 'warn',
      code: 'already-imported',
      message: `${licencesWord(already.length)} из этого файла уже ${plural(already.length, 'загружена', 'загружены', 'загружены')} в ТОР КНД (по журналу Сверки): повторная загрузка им не нужна.`,
    });
  }
  return notes;
}
