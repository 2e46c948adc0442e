/** The popup's three process cards, as pure models. */
import { RENUMBERING_KINDS } from '../renumbering/ledger';
import { egissoCard } from './egisso';
import { RENUMBERING_CARD_FILES, renumberingCard } from './renumbering';
import { SSTU_KINDS, sstuCard } from './sstu';
import type { CardModel, DashEntry, DashboardSettings } from './types';

export * from './types';
export { renumberingCard, RENUMBERING_CARD_FILES } from './renumbering';
export { sstuCard, sstuPeriodAt, sstuPeriodRange, sstuDeadline, periodClosure, SSTU_KINDS } from './sstu';
export { egissoCard, packageLine, preflightLine } from './egisso';

/** Kinds any card reads: the popup loads only these entries. */
export const DASHBOARD_KINDS: readonly string[] = [...RENUMBERING_KINDS, ...SSTU_KINDS, 'egisso-protocol', 'egisso-package'];

/**
 * How many of the newest checks of a kind the cards read: the renumbering ledger spans many files and days;
 * a ССТУ.РФ period or the ЕГИССО card needs only the latest few.
 */
export function dashboardLimit(kind: string): number {
  if (RENUMBERING_KINDS.has(kind)) return RENUMBERING_CARD_FILES;
  if (kind === 'egisso-package') return 1;
  return kind === 'egisso-protocol' ? 200 : 100;
}

export function buildCards(entries: readonly DashEntry[], settings: DashboardSettings, now: number): CardModel[] {
  return [renumberingCard(entries, settings), sstuCard(entries, settings, now), egissoCard(entries, settings, now)];
}
