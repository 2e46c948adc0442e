/**
 * Kind-specific report views: the report page shows the generic findings list for every kind, and
 * above it the view registered here for the report's kind (tables, filters, letters, XLSX export).
 */
import type { ComponentType } from 'preact';
import type { CheckReport, Finding } from '../lib/checks/report';
import type { KindId } from '../lib/checks/kinds';
import { EgissoProtocolView } from './egisso/ProtocolView';
import { EgissoPackageView } from './egisso/PackageView';
import { RenumberingView } from './renumbering/RenumberingView';
import { ArchiveView, ErrorReportView, LkoWithoutIdView, UnboundTopicsView, UploadStatusView } from './sstu/views';

export interface KindViewProps {
  /** All reports shown together on the page (a batch), and the one this view is for. */
  report: CheckReport;
  batch: readonly CheckReport[];
}

export const KIND_VIEWS: Partial<Record<KindId, ComponentType<KindViewProps>>> = {
  'sstu-unbound-topics': UnboundTopicsView,
  'sstu-lko-without-id': LkoWithoutIdView,
  'sstu-upload-status': UploadStatusView,
  'sstu-error-report': ErrorReportView,
  'sstu-archive': ArchiveView,
  'egisso-protocol': EgissoProtocolView,
  'egisso-package': EgissoPackageView,
  'erul-renumbering-result': RenumberingView,
  'tor-knd-import-result': RenumberingView,
  'tor-knd-registry-export': RenumberingView,
};

/**
 * Findings a kind's view already shows in its own words (ЕГИССО rule codes under «По кодам правил»): the
 * generic list below leaves them out, so nothing is read twice.
 */
export const FINDINGS_IN_VIEW: Partial<Record<KindId, (f: Finding) => boolean>> = {
  'egisso-protocol': (f) => f.code.startsWith('egisso-rule-') || f.code === 'egisso-message-other-type',
};
