/**
 * The registered kinds, in no particular order: detection scores decide. One line per kind module.
 */
import type { KindCheck, TogetherStep } from './types';

export const KINDS: KindCheck[] = [];

/** Cross-file steps run over every batch of reports (archive numbering, counts against the status report…). */
export const TOGETHER_STEPS: TogetherStep[] = [];
