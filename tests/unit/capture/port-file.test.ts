/**
 * How a content script sends a file over the capture port (platform/port-file.ts): the File itself where
 * ports clone (Firefox), base64 chunks where they carry JSON only (Chromium), and chunks again when the
 * runtime will not clone that Blob.
 */
import { describe, expect, it } from 'vitest';
import { ownBytes, sendFileOverPort, takesWholeFile } from '../../../platform/port-file';
import { CAPTURE_CHUNK_BYTES, fromBase64 } from '../../../lib/capture-protocol';
import { CapturePortMessageSchema } from '../../../lib/messages';

type Sent = { type: string; file?: Blob; data?: string };

function recordingPort(refuseBlobs = false) {
  const sent: Sent[] = [];
  return {
    sent,
    postMessage(m: Sent) {
      if (refuseBlobs && m.file) throw new DOMException('The object could not be cloned.', 'DataCloneError');
      sent.push(m);
    },
  };
}

const fileOf = (size: number) => new Blob([Uint8Array.from({ length: size }, (_, i) => (i * 7) % 251)]);

async function bytesOfChunks(sent: Sent[]): Promise<Uint8Array> {
  const parts = sent.filter((m) => m.type === 'capture-chunk').map((m) => fromBase64(m.data!));
  return new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
}

describe('sendFileOverPort', () => {
  it('where ports clone, sends the File itself once, and nothing else', async () => {
    const file = fileOf(3 * CAPTURE_CHUNK_BYTES);
    const port = recordingPort();
    await sendFileOverPort(file, port, () => true, true);
    expect(port.sent).toHaveLength(1);
    expect(port.sent[0].type).toBe('capture-file');
    expect(port.sent[0].file).toBe(file);
  });

  it('where ports carry JSON, sends base64 chunks of at most a chunk each, then the end', async () => {
    const file = fileOf(2 * CAPTURE_CHUNK_BYTES + 17);
    const port = recordingPort();
    await sendFileOverPort(file, port, () => true, false);
    expect(port.sent.map((m) => m.type)).toEqual(['capture-chunk', 'capture-chunk', 'capture-chunk', 'capture-end']);
    expect(await bytesOfChunks(port.sent)).toEqual(new Uint8Array(await file.arrayBuffer()));
  });

  it('a Blob the runtime will not clone goes in chunks instead', async () => {
    const file = fileOf(CAPTURE_CHUNK_BYTES + 1);
    const port = recordingPort(true);
    await sendFileOverPort(file, port, () => true, true);
    expect(port.sent.map((m) => m.type)).toEqual(['capture-chunk', 'capture-chunk', 'capture-end']);
    expect(await bytesOfChunks(port.sent)).toEqual(new Uint8Array(await file.arrayBuffer()));
  });

  it('an empty file is the end alone', async () => {
    const port = recordingPort();
    await sendFileOverPort(new Blob([]), port, () => true, false);
    expect(port.sent.map((m) => m.type)).toEqual(['capture-end']);
  });

  it('stops when the worker has closed the port', async () => {
    const port = recordingPort();
    let open = true;
    const file = fileOf(4 * CAPTURE_CHUNK_BYTES);
    const original = port.postMessage.bind(port);
    port.postMessage = (m: Sent) => {
      original(m);
      open = false; // the worker refused after the first chunk
    };
    await sendFileOverPort(file, port, () => open, false);
    expect(port.sent.map((m) => m.type)).toEqual(['capture-chunk']);
  });
});

describe('the capture-file message', () => {
  it('is taken with a Blob, refused with what a JSON port makes of one', () => {
    expect(CapturePortMessageSchema.safeParse({ type: 'capture-file', file: new Blob(['{}']) }).success).toBe(true);
    expect(CapturePortMessageSchema.safeParse(JSON.parse(JSON.stringify({ type: 'capture-file', file: new Blob(['{}']) }))).success).toBe(false);
    expect(CapturePortMessageSchema.safeParse({ type: 'capture-file', file: 'AAAA' }).success).toBe(false);
  });
});

describe('the worker takes a whole File (takesWholeFile)', () => {
  const file = new Blob([new Uint8Array(10)]);
  const announced = { started: true, expected: 10, received: 0 };
  it('after the announcement, once, of the announced size, where ports carry files', () => {
    expect(takesWholeFile(announced, file, true)).toBe(true);
  });
  it('refuses a File of another size than announced (the size limit was checked against the announcement)', () => {
    expect(takesWholeFile({ ...announced, expected: 9 }, file, true)).toBe(false);
    expect(takesWholeFile({ ...announced, expected: 11 }, file, true)).toBe(false);
  });
  it('refuses one before the announcement, a second one, or one after chunks', () => {
    expect(takesWholeFile({ ...announced, started: false }, file, true)).toBe(false);
    expect(takesWholeFile({ ...announced, received: 10 }, file, true)).toBe(false);
    expect(takesWholeFile({ ...announced, received: 3 }, file, true)).toBe(false);
  });
  it('refuses any where ports carry JSON only (Chromium)', () => {
    expect(takesWholeFile(announced, file, false)).toBe(false);
  });
});

describe('ownBytes (page-world bytes copied for the isolated world)', () => {
  it('copies the bytes into an array that does not share the source buffer', () => {
    const source = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    const copy = ownBytes(source.buffer);
    expect([...copy]).toEqual([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    expect(copy.buffer).not.toBe(source.buffer);
    source[0] = 0;
    expect(copy[0]).toBe(0xef);
  });
});
