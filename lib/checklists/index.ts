/**
 * Procedure checklists: PROCEDURES for the checklist page and checklistUrlFor() for the popup cards.
 */
import { PROCEDURES } from './procedures';
import type { KindId } from '../checks/kinds';
import type { ProcessId, Procedure } from './model';

export { PROCEDURES };
export * from './model';
export * from './progress';
export { periodClosed, isUnreadable } from './auto';

export const PROCESS_TITLES: Record<ProcessId, string> = {
  renumbering: 'Переприсвоение номеров лицензий',
  sstu: 'Ежемесячная передача данных в ССТУ.РФ',
  'licensing-access': 'Доступ к подсистеме Лицензирование ГИС ТОР КНД',
  'tor-knd-api': 'Доступ к API ГИС ТОР КНД',
};

export function procedureById(id: string): Procedure | undefined {
  return PROCEDURES.find((p) => p.id === id);
}

export function proceduresOf(process: ProcessId): Procedure[] {
  return PROCEDURES.filter((p) => p.process === process);
}

export function isProcessId(id: string): id is ProcessId {
  return Object.prototype.hasOwnProperty.call(PROCESS_TITLES, id);
}

/**
 * The checklist page for a popup card: a process with one procedure opens it directly, a process with variants
 * (ССТУ.РФ: own ЛКО or tree, manual or API; access: three paths) opens the choice; a procedure id opens that
 * procedure. Returns an extension path for `browser.runtime.getURL`, or null for a process without a checklist
 * (e.g. «egisso»).
 */
export function checklistUrlFor(processOrProcedureId: string): string | null {
  if (procedureById(processOrProcedureId)) return `/checklists.html?id=${encodeURIComponent(processOrProcedureId)}`;
  if (!isProcessId(processOrProcedureId)) return null;
  const list = proceduresOf(processOrProcedureId);
  if (list.length === 1) return `/checklists.html?id=${encodeURIComponent(list[0].id)}`;
  return `/checklists.html?process=${encodeURIComponent(processOrProcedureId)}`;
}

/** File kinds whose checks can tick steps of a process: what the page reads from the journal. */
export const PROCESS_KINDS: Record<ProcessId, readonly KindId[]> = {
  renumbering: ['tor-knd-registry-export', 'erul-renumbering-result', 'tor-knd-import-result'],
  sstu: ['sstu-unbound-topics', 'sstu-lko-without-id', 'sstu-upload-status', 'sstu-error-report', 'sstu-archive'],
  'licensing-access': [],
  'tor-knd-api': [],
};
