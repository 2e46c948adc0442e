/**
 * Foundation benchmarks: decode+sniff+parse of a ~30 MB JSON vs bare JSON.parse of the same string, and
 * CRC verification of a ~100 MB zip vs bare inflate of the same entries (with peak memory).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inflate, zipSync, type Zippable } from 'fflate';
import { prepareFile } from '../../lib/formats/prepared';
import { bytesSource } from '../../lib/formats/source';
import { readZipDirectory, verifyZip } from '../../lib/formats/zip';
import { fileSource } from '../../cli/file-source';
import { compare, peakMemory, ratioLine, MB } from './measure';

function bigJson(targetBytes: number): string {
  const parts: string[] = [];
  let size = 2;
  for (let i = 0; size < targetBytes; i++) {
    // a region-wide ЕРУЛ result: one pair per licence, every tenth with ЕРУЛ's error text
    const error = i % 10 === 0 ? 'Сервис не предназначен для переприсвоения номеров полученных в ЕРУЛ.' : '';
    const s = `{"old_number":"77-ЛО-${String(i).padStart(6, '0')}","error":"${error}"},{"new_number":"Л041-00110-77/${String(i).padStart(8, '0')}"}`;
    parts.push(s);
    size += s.length * 1.2 + 1;
  }
  return `[${parts.join(',\n')}]`;
}

/** ~100 MB of barely compressible entries (random base64 text), like scanned attachments in an archive. */
function bigZip(): Uint8Array {
  const files: Zippable = {};
  let seed = 7;
  for (let f = 0; f < 26; f++) {
    const raw = new Uint8Array(3.75 * MB).map(() => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24));
    files[`Файл_${f + 1}.json`] = [new TextEncoder().encode(Buffer.from(raw).toString('base64')), { level: 1 }];
  }
  return zipSync(files);
}

export async function benchFormats(): Promise<string[]> {
  const lines: string[] = [];
  const text = bigJson(30 * MB);
  const bytes = new TextEncoder().encode(text);
  const { base, ours } = await compare(
    5,
    () => JSON.parse(text),
    async () => (await prepareFile('big.json', bytesSource(bytes))).json(),
  );
  lines.push(ratioLine(`JSON ${(bytes.length / MB).toFixed(0)} MB: decode+sniff+parse vs bare JSON.parse`, ours, base, 1.3));

  const dir = mkdtempSync(join(tmpdir(), 'sverka-bench-'));
  try {
    const zipPath = join(dir, 'big.zip');
    writeFileSync(zipPath, bigZip());
    const opened = await fileSource(zipPath);
    const src = opened.source;
    const zdir = await readZipDirectory(src);
    const CHUNK = MB;
    const bareInflate = async () => {
      for (const e of zdir.entries) {
        const h = await src.read(e.localHeaderOffset, 30);
        const start = e.localHeaderOffset + 30 + (h[26] | (h[27] << 8)) + (h[28] | (h[29] << 8));
        const inf = new Inflate(() => undefined);
        for (let off = 0; off < e.compressedSize; off += CHUNK) {
          const piece = await src.read(start + off, Math.min(CHUNK, e.compressedSize - off));
          inf.push(piece, off + CHUNK >= e.compressedSize);
        }
      }
    };
    const verify = async () => {
      const r = await verifyZip(src, await readZipDirectory(src));
      if (!r.every((x) => x.ok)) throw new Error('bench archive damaged');
    };
    const { base: tBase, ours: tOurs } = await compare(3, bareInflate, verify);
    const memBase = await peakMemory(bareInflate);
    const memOurs = await peakMemory(verify);
    lines.push(
      ratioLine(`ZIP ${(src.size / MB).toFixed(0)} MB: CRC check vs bare inflate`, tOurs, tBase, 1.5,
        `; peak memory ${(memOurs / MB).toFixed(1)} MB vs baseline ${(memBase / MB).toFixed(1)} MB (above baseline ${((memOurs - memBase) / MB).toFixed(1)} MB; target < 64 MB) ${memOurs - memBase < 64 * MB ? 'OK' : 'OVER TARGET'}`),
    );
    await opened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
