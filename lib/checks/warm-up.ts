/**
 * Small files of our own that a spare check Worker checks while it waits: a check may run in a fresh Worker
 * (platform/isolated-check.ts), and without them the official's file would pay for compiling the check code
 * (≈ 100 ms for a 200-licence ЕРУЛ result, against ≈ 10 ms warm; ≈ 200 ms of a 25 MB ССТУ archive's check).
 */
import { zipSync } from 'fflate';

/** Two licences of a made-up ЕРУЛ result: detection, JSON parsing and the report path. */
export const WARM_UP_FILE = {
  name: 'warm-up.json',
  text: '[\n{"old_number": "Л003-00119-76/001000", "error": ""},\n{"new_number": "Л003-00119-76/00388800"},\n{"old_number": "Л023-00119-44/001001", "error": ""},\n{"new_number": "Л023-00119-44/00388801"}\n]\n',
};

/**
 * A made-up ССТУ archive of one status file (≈ 250 KB unpacked, over 64 KiB packed, so it takes the native
 * inflater as a real archive's entries do): inflating, CRC, the XML record count.
 */
export function warmUpArchive(): { name: string; bytes: Uint8Array } {
  const rows: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<Statuses>\n'];
  let seed = 7919;
  const hex = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0).toString(16).padStart(8, '0');
  for (let i = 0; i < 1200; i++) rows.push(`<Status id="${i}"><AppealNumber>${30_000_000 + i}</AppealNumber><State>Рассмотрено</State><Data>${Array.from({ length: 12 }, hex).join('')}</Data></Status>\n`);
  rows.push('</Statuses>\n');
  return { name: 'Файл_1.zip', bytes: zipSync({ 'statuses_1.xml': [new TextEncoder().encode(rows.join('')), { level: 1 }] }) };
}
