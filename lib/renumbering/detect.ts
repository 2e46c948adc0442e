/** Detection shared by the two result kinds: keys in the head, else a (memoised) look at the parsed JSON. */
import type { PreparedFile } from '../formats/prepared';
import { tryJson } from '../formats/prepared';
import { looksLikeErulNumber } from '../ids/licence';
import { itemsFromJson, type ItemScan } from './items';
import { headKeys } from './read';

export interface ResultShape {
  /** Objects carry a «status» (ТОР КНД import result). */
  status: boolean;
  /** Objects carry a new number or an error (ЕРУЛ result or import result). */
  newOrError: boolean;
  /** Objects carry old numbers. */
  old: boolean;
  /** The file is a bare array of licence-number strings (no objects). */
  bareLicenceStrings: boolean;
}

const memo = new WeakMap<PreparedFile, Promise<ResultShape | null>>();

const DEEP_LOOK_LIMIT = 300 * 1024 * 1024;

async function shapeOf(file: PreparedFile): Promise<ResultShape | null> {
  const keys = headKeys(file);
  if (!keys) return null;
  if (keys.old || keys.new) {
    return { status: keys.status, newOrError: keys.new || keys.error, old: keys.old, bareLicenceStrings: false };
  }
  if (file.format !== 'json' || file.size > DEEP_LOOK_LIMIT) return null;
  const root = await tryJson(file);
  if (root === undefined) return null;
  const scan: ItemScan = itemsFromJson(root);
  if (scan.items.length === 0) {
    // the whole file is an array of licence-number strings (not pairs): the ЕРУЛ result check says so
    const bare = Array.isArray(root) && root.length > 0 && root.every((x) => typeof x === 'string') && scan.bareStrings.slice(0, 1000).some(looksLikeErulNumber);
    return bare ? { status: false, newOrError: false, old: false, bareLicenceStrings: true } : null;
  }
  let status = false;
  let newOrError = false;
  let old = false;
  for (const it of scan.items) {
    if (it.status !== undefined) status = true;
    if (it.new !== undefined || it.error !== undefined) newOrError = true;
    if (it.old !== undefined) old = true;
    if (status && newOrError && old) break;
  }
  return { status, newOrError, old, bareLicenceStrings: false };
}

export function resultShape(file: PreparedFile): Promise<ResultShape | null> {
  let p = memo.get(file);
  if (!p) {
    p = shapeOf(file);
    memo.set(file, p);
  }
  return p;
}
