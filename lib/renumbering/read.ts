/**
 * Reading an ЕРУЛ result or a ТОР КНД import result: whole JSON by the fast path, anything else by the
 * lenient scanner (a fragment cut out of a file, a file cut off at the end), then the pairing walk.
 */
import type { PreparedFile } from '../formats/prepared';
import { FormatError } from '../formats/errors';
import type { TextEncoding } from '../formats/text';
import { headText } from '../formats/sniff';
import { itemsFromText } from './items';
import { scanPairs } from './scan-json';
import { pairsFromJson, walkPairs, type PairSeq } from './pairing';

export interface Broken {
  /** json-syntax, truncated, fragment… */
  cause: string;
  message: string;
  where?: string;
}

export interface ReadRenumbering {
  pairs: PairSeq;
  /** Strings met directly in arrays (an «array of strings» instead of objects), and objects without numbers. */
  scan: { bareStrings: string[]; otherObjects: number };
  encoding: TextEncoding;
  /** Set when the text is not whole JSON: what was recovered comes from the lenient scanner. */
  broken?: Broken;
}

export async function readRenumbering(file: PreparedFile): Promise<ReadRenumbering> {
  const decoded = await file.text();
  if (file.format === 'json') {
    // fast path: one pass over the text, no parse tree; null on any syntax problem
    const fast = scanPairs(decoded.text);
    if (fast) return { pairs: fast.pairs, scan: { bareStrings: fast.bareStrings, otherObjects: fast.otherObjects }, encoding: decoded.encoding };
    try {
      const root = await file.json();
      const { pairs, bareStrings, otherObjects } = pairsFromJson(root);
      return { pairs, scan: { bareStrings, otherObjects }, encoding: decoded.encoding };
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
      const lenient = itemsFromText(decoded.text);
      // objects one after another without the enclosing «[ … ]», or a «]» without its «[»: a piece of a file
      const piece = lenient.items.length > 0 && !/^\s*\[/.test(decoded.text.slice(0, 64));
      const message = piece ? `Похоже, это кусок из файла результата, а не файл целиком. ${err.message}` : err.message;
      const broken: Broken = { cause: piece ? 'fragment' : err.code, message, where: err.where };
      return { pairs: walkPairs(lenient.items), scan: lenient, encoding: decoded.encoding, broken };
    }
  }
  const lenient = itemsFromText(decoded.text);
  const broken: Broken = {
    cause: 'fragment',
    message: lenient.startsMidObject
      ? 'Это не целый файл, а кусок из середины: он начинается не с «[» или «{», а с середины записи. Проверены только записи, которые в нём целиком.'
      : 'Это не целый файл JSON: он начинается не с «[» или «{». Проверены только записи, которые удалось прочитать.',
    where: 'строка 1',
  };
  return { pairs: walkPairs(lenient.items), scan: lenient, encoding: decoded.encoding, broken };
}

const KEY_OLD = /"old[_ -]?num(ber)?"\s*:/i;
const KEY_NEW = /"new[_ -]?num(ber)?"\s*:/i;
const KEY_ERROR = /"error"\s*:/i;
const KEY_STATUS = /"status"\s*:/i;

export interface HeadKeys {
  old: boolean;
  new: boolean;
  error: boolean;
  status: boolean;
}

/** Which renumbering keys appear in the first 4 KiB (any encoding: headText drops BOMs and UTF-16 zeros). */
export function headKeys(file: PreparedFile): HeadKeys | null {
  if (file.format !== 'json' && file.format !== 'text') return null;
  const head = headText(file.head);
  return { old: KEY_OLD.test(head), new: KEY_NEW.test(head), error: KEY_ERROR.test(head), status: KEY_STATUS.test(head) };
}
