/**
 * Messages between content scripts, extension pages and the service worker. Every message is parsed with
 * zod on arrival; anything else is dropped.
 */
import { z } from './zod';

export const CaptureStartSchema = z.object({
  type: z.literal('capture-start'),
  name: z.string().max(1000),
  size: z.number().int().nonnegative(),
  sourceUrl: z.string().max(4000).optional(),
  /** A file the official chose at a portal's file input (the page URL comes from the sender, not from here). */
  via: z.literal('upload').optional(),
  /** The kind that input expects (its portal's selectors file); an unknown value means nothing is expected. */
  expect: z.string().max(64).optional(),
  /** The content script can hand the file to the extension frame (lib/upload/handoff.ts) instead of streaming it. */
  handoff: z.literal(true).optional(),
});
export const CaptureChunkSchema = z.object({ type: z.literal('capture-chunk'), data: z.string() });
export const CaptureEndSchema = z.object({ type: z.literal('capture-end') });
/** The file was posted to the extension frame under the key the worker issued. */
export const CaptureHandedSchema = z.object({ type: z.literal('capture-handed') });
/** The whole file by reference, where the runtime's ports clone Blobs (Firefox): no chunks, no base64. */
export const CaptureFileSchema = z.object({ type: z.literal('capture-file'), file: z.custom<Blob>((v) => typeof Blob !== 'undefined' && v instanceof Blob) });
export const CapturePortMessageSchema = z.discriminatedUnion('type', [CaptureStartSchema, CaptureChunkSchema, CaptureEndSchema, CaptureHandedSchema, CaptureFileSchema]);
export type CapturePortMessage = z.infer<typeof CapturePortMessageSchema>;

/** «Проверить» beside a link: the worker fetches the URL with the portal's cookies and checks it. */
export const CheckUrlSchema = z.object({ type: z.literal('check-url'), url: z.string().url().max(4000), name: z.string().max(1000) });
/** Which of these links were already checked: answered with LinkVerdict[]. */
export const LookupSchema = z.object({ type: z.literal('lookup'), urls: z.array(z.string().max(4000)).max(500) });
export const OpenReportSchema = z.object({ type: z.literal('open-report'), entryId: z.number().int().positive() });

/** The official clicked a file link on a portal page: the worker makes sure the download gets checked. */
export const FileLinkClickedSchema = z.object({ type: z.literal('file-link-clicked') });

/** A portal page has a file input the official is about to use: the worker readies its check runner. */
export const UploadPrewarmSchema = z.object({ type: z.literal('upload-prewarm') });

export const ContentRequestSchema = z.discriminatedUnion('type', [CheckUrlSchema, LookupSchema, OpenReportSchema, FileLinkClickedSchema, UploadPrewarmSchema]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

export { CAPTURE_PORT, CAPTURE_CHUNK_BYTES, toBase64, fromBase64, type LinkVerdict, type CheckDoneNotice } from './capture-protocol';
