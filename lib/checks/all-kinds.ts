/**
 * The registered kinds, in no particular order: detection scores decide. One line per kind module.
 */
import type { KindCheck, TogetherStep } from './types';
import { SSTU_KINDS, SSTU_STEPS } from './sstu-kinds';
import { egissoProtocolKind, egissoUnknownHint } from './egisso-protocol';
import { egissoPackageKind } from '../egisso/package-kind';
import { UNKNOWN_HINTS } from './unknown';
import { erulResultKind } from './erul-result';
import { torKndImportKind } from './tor-knd-import';
import { torKndExportKind, exportDuplicatesAcrossFiles } from './tor-knd-export';

export const KINDS: KindCheck[] = [...SSTU_KINDS, erulResultKind, torKndImportKind, torKndExportKind, egissoProtocolKind, egissoPackageKind];

UNKNOWN_HINTS.push(egissoUnknownHint);

/** Cross-file steps run over every batch of reports (archive numbering, counts against the status report…). */
export const TOGETHER_STEPS: TogetherStep[] = [...SSTU_STEPS, exportDuplicatesAcrossFiles];
