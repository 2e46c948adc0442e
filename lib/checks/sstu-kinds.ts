/** The ПОС «ССТУ.РФ» kinds and cross-file steps, registered in all-kinds.ts. */
import type { KindCheck, TogetherStep } from './types';
import { sstuUnboundTopics } from './sstu-unbound-topics';
import { sstuLkoWithoutId } from './sstu-lko-without-id';
import { sstuUploadStatus } from './sstu-upload-status';
import { sstuErrorReport } from './sstu-error-report';
import { sstuArchive } from './sstu-archive';
import { sstuStatusCount } from './sstu-status-count';
import { SSTU_TOGETHER_STEPS } from './sstu-together';

export const SSTU_KINDS: KindCheck[] = [sstuUnboundTopics, sstuLkoWithoutId, sstuUploadStatus, sstuErrorReport, sstuArchive, sstuStatusCount];
export const SSTU_STEPS: TogetherStep[] = SSTU_TOGETHER_STEPS;
