import { open, stat } from 'node:fs/promises';
import type { ByteSource } from '../lib/formats/source';

/** A file on disk as a ByteSource: reads only the slices asked for. */
export async function fileSource(path: string): Promise<{ source: ByteSource; close: () => Promise<void> }> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error('not a file');
  const handle = await open(path, 'r');
  return {
    source: {
      size: info.size,
      async read(offset, length) {
        const len = Math.max(0, Math.min(length, info.size - offset));
        const buf = new Uint8Array(len);
        let done = 0;
        while (done < len) {
          const { bytesRead } = await handle.read(buf, done, len - done, offset + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return done === len ? buf : buf.subarray(0, done);
      },
    },
    close: () => handle.close(),
  };
}
