/**
 * The userscript's size: one file with lib/ (SheetJS, zip, XML) and the in-page components. Built afresh,
 * reported in KB beside its 1 MB limit (and gzip, what a manager's update check downloads).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { buildUserscript, USERSCRIPT_MAX_BYTES } from '../build-userscript';

export async function benchUserscript(): Promise<string[]> {
  const { path, bytes } = await buildUserscript();
  const gz = gzipSync(readFileSync(path)).length;
  const ratio = bytes / USERSCRIPT_MAX_BYTES;
  return [
    `sverka.user.js: ${(bytes / 1024).toFixed(0)} KB minified, ${(gz / 1024).toFixed(0)} KB gzip; ${(ratio * 100).toFixed(0)} % of the 1 MB limit` +
      `${ratio > 1 ? ' OVER TARGET' : ''} (load ${loadavg()[0].toFixed(2)})`,
  ];
}
