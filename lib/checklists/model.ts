/** A procedure from the source documents as a checklist: steps in plain words, some ticked by what the extension saw. */
import type { CheckReport } from '../checks/report';

/** What an automatic step concluded from the checked files: done or not, and why (shown beside the step). */
export interface AutoState {
  done: boolean;
  reason: string;
  /** The file that decided it. */
  file?: string;
}

/**
 * Decides a step from checked files. `reports` are in chronological order, oldest first (as the journal
 * lists them); the predicate must be pure. null: the extension has seen nothing relevant yet.
 */
export type AutoPredicate = (reports: readonly CheckReport[]) => AutoState | null;

export interface StepLink {
  label: string;
  /** An extension page path («/forms.html?appendix=2») or an https URL. */
  href: string;
}

export interface ChecklistStep {
  /** Stable id within the procedure: progress is stored under it. */
  id: string;
  /** The action, in plain Russian (infinitive, as the instructions write it). */
  title: string;
  /** Details, hints, where in the portal. */
  detail?: string;
  /** Where in the source document («п. 8», «п. 2.2, шаг 3»). */
  source?: string;
  /** A step that is needed only in some cases («если есть ошибки»). */
  optional?: boolean;
  link?: StepLink;
  auto?: AutoPredicate;
}

export interface ChecklistSection {
  title: string;
  steps: ChecklistStep[];
}

/** The process a popup card stands for. */
export type ProcessId = 'renumbering' | 'sstu' | 'licensing-access' | 'tor-knd-api';

export interface Procedure {
  id: string;
  process: ProcessId;
  title: string;
  /** One sentence: when this procedure applies. */
  when: string;
  /** The source document, named for the official. */
  source: string;
  /** Monthly procedures keep progress per reporting month. */
  monthly?: boolean;
  sections: ChecklistSection[];
}
