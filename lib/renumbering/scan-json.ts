/**
 * The fast path for region-wide ЕРУЛ results (~36 MB, 400,000 objects): one pass over the decoded text that
 * checks the JSON grammar and feeds the pairing walk directly — no parse tree of 400,000 objects for the
 * garbage collector. Any syntax problem returns null: the caller then takes the ordinary path (JSON.parse
 * with line/column errors, then the lenient scanner), so messages stay the same as for every other file.
 *
 * Unlike JSON.parse it lets a raw tab or line break inside a string pass (harmless for these files).
 *
 * Objects that carry an old or a new number are items wherever they sit (a top-level array, an array inside
 * a wrapper object); an item is emitted when its object closes.
 */
import { MAX_JSON_DEPTH } from '../formats/json';
import { fieldOf, type Field } from './items';
import { PairWalker, type JsonPairs } from './pairing';

const F_NONE = 0;
const F_OLD = 1;
const F_NEW = 2;
const F_ERROR = 3;
const F_STATUS = 4;
const F_DESCRIPTION = 5;

const FIELD_CODE: Record<Field, number> = { old: F_OLD, new: F_NEW, error: F_ERROR, status: F_STATUS, description: F_DESCRIPTION };

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** text has s at position at (a JS loop: cheaper than a builtin call for short strings). */
function sameAt(text: string, at: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (text.charCodeAt(at + k) !== s.charCodeAt(k)) return false;
  return true;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

export function scanPairs(text: string): JsonPairs | null {
  const n = text.length;
  const w = new PairWalker();
  let objects = 0;
  let otherObjects = 0;
  const bareStrings: string[] = [];

  // Raw keys seen so far and their field codes: compared in place, no slice per key.
  const knownKeys: string[] = [];
  const knownCodes: number[] = [];
  // Recent values of the repeating fields (error, status, description), by field code.
  const recent: string[][] = [[], [], [], [], [], []];

  // Per depth: 1 = object, 0 = array; the pending field of an object; the fields collected.
  const kind: number[] = [];
  const pending: number[] = [];
  const fOld: (string | undefined)[] = [];
  const fNew: (string | undefined)[] = [];
  const fErr: (string | undefined)[] = [];
  const fStatus: (string | undefined)[] = [];
  const fDesc: (string | undefined)[] = [];
  let depth = 0; // number of open containers

  // The next backslash at or after the current position (-1: none left): strings without escapes are
  // found by a native indexOf of the closing quote, not a character loop.
  let backslash = text.indexOf('\\');
  let i = 0;
  // where the scanner is: 0 expect a value, 1 after a value, 2 expect a key or «}», 3 expect a key (after «,»)
  let state = 0;

  while (i < n && isWs(text.charCodeAt(i))) i++;
  if (i >= n) return null;

  for (;;) {
    if (state === 0 || state === 2 || state === 3) {
      while (i < n && isWs(text.charCodeAt(i))) i++;
      if (i >= n) return null;
      let c = text.charCodeAt(i);

      if (state !== 0) {
        // a key (or «}» right after «{»)
        if (c === 125 /* } */ && state === 2) {
          state = 1;
          // close the (empty) object
          i++;
          depth--;
          otherObjects++;
          continue;
        }
        if (c !== 34) return null;
        const start = i + 1;
        // the keys of these files repeat: match a known one in place (no search, no slice)
        let code = -1;
        let j = -1;
        for (let k = 0; k < knownKeys.length; k++) {
          const key = knownKeys[k];
          if (text.charCodeAt(start + key.length) === 34 && sameAt(text, start, key)) {
            code = knownCodes[k];
            j = start + key.length;
            break;
          }
        }
        let escaped = false;
        if (code < 0) j = text.indexOf('"', start);
        if (j < 0) return null;
        if (code < 0 && backslash >= 0 && backslash < start) backslash = text.indexOf('\\', start);
        if (code < 0 && backslash >= 0 && backslash < j) {
          // rare: an escape inside the key; find the real closing quote
          escaped = true;
          j = start;
          for (;;) {
            if (j >= n) return null;
            const d = text.charCodeAt(j);
            if (d === 34) break;
            j += d === 92 ? 2 : 1;
          }
        }
        if (code < 0) {
          let key: string;
          if (escaped) {
            try {
              key = JSON.parse(text.slice(start - 1, j + 1)) as string;
            } catch {
              return null;
            }
          } else key = text.slice(start, j);
          const f = fieldOf(key);
          code = f === null ? F_NONE : FIELD_CODE[f];
          if (!escaped && knownKeys.length < 32) {
            knownKeys.push(key);
            knownCodes.push(code);
          }
        }
        pending[depth - 1] = code;
        i = j + 1;
        while (i < n && isWs(text.charCodeAt(i))) i++;
        if (i >= n || text.charCodeAt(i) !== 58 /* : */) return null;
        i++;
        state = 0;
        continue;
      }

      // a value
      const top = depth - 1;
      const field = top >= 0 && kind[top] === 1 ? pending[top] : F_NONE;
      if (c === 123 /* { */ || c === 91 /* [ */) {
        if (top >= 0 && kind[top] === 1) pending[top] = F_NONE;
        if (depth >= MAX_JSON_DEPTH) return null;
        const isObj = c === 123 ? 1 : 0;
        kind[depth] = isObj;
        if (isObj) {
          pending[depth] = F_NONE;
          fOld[depth] = undefined;
          fNew[depth] = undefined;
          fErr[depth] = undefined;
          fStatus[depth] = undefined;
          fDesc[depth] = undefined;
        }
        depth++;
        i++;
        if (isObj) state = 2;
        else {
          // «]» right after «[»
          while (i < n && isWs(text.charCodeAt(i))) i++;
          if (i < n && text.charCodeAt(i) === 93) {
            i++;
            depth--;
            state = 1;
          } else state = 0;
        }
        continue;
      }
      let value: string;
      if (c === 34) {
        const start = i + 1;
        // error / status / description texts repeat: reuse a recent equal value (no search, no new string)
        if (field >= F_ERROR) {
          const cache = recent[field];
          let hit: string | undefined;
          for (let k = 0; k < cache.length; k++) {
            const v = cache[k];
            if (text.charCodeAt(start + v.length) === 34 && sameAt(text, start, v)) {
              hit = v;
              break;
            }
          }
          if (hit !== undefined) {
            if (field === F_ERROR) fErr[top] = hit;
            else if (field === F_STATUS) fStatus[top] = hit;
            else fDesc[top] = hit;
            pending[top] = F_NONE;
            i = start + hit.length + 1;
            state = 1;
            continue;
          }
        }
        let j = text.indexOf('"', start);
        if (j < 0) return null;
        let escaped = false;
        if (backslash >= 0 && backslash < start) backslash = text.indexOf('\\', start);
        if (backslash >= 0 && backslash < j) {
          // rare: escapes inside the value; walk it and check every escape
          escaped = true;
          j = start;
          for (;;) {
            if (j >= n) return null;
            const d = text.charCodeAt(j);
            if (d === 34) break;
            if (d === 92) {
              const e = text.charCodeAt(j + 1);
              if (e === 117 /* u */) {
                if (!(isHex(text.charCodeAt(j + 2)) && isHex(text.charCodeAt(j + 3)) && isHex(text.charCodeAt(j + 4)) && isHex(text.charCodeAt(j + 5)))) return null;
                j += 6;
              } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) j += 2;
              else return null;
              continue;
            }
            j++;
          }
        }
        if (field !== F_NONE || top < 0 || kind[top] === 0) {
          if (escaped) {
            try {
              value = JSON.parse(text.slice(start - 1, j + 1)) as string;
            } catch {
              return null; // e.g. a raw tab next to an escape: let JSON.parse explain it
            }
          } else value = text.slice(start, j);
          if (field >= F_ERROR && !escaped && recent[field].length < 8) recent[field].push(value);
        } else value = '';
        if (top >= 0 && kind[top] === 0 && bareStrings.length < 100_000) bareStrings.push(value);
        i = j + 1;
      } else if (c === 116 /* t */ || c === 102 /* f */ || c === 110 /* n */) {
        const lit = c === 116 ? 'true' : c === 102 ? 'false' : 'null';
        if (!text.startsWith(lit, i)) return null;
        i += lit.length;
        value = c === 110 ? '' : lit;
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        const start = i;
        if (c === 45) {
          i++;
          c = text.charCodeAt(i);
        }
        if (c === 48) i++;
        else if (c >= 49 && c <= 57) while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) i++;
        else return null;
        if (text.charCodeAt(i) === 46 /* . */) {
          i++;
          const s = i;
          while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) i++;
          if (i === s) return null;
        }
        c = text.charCodeAt(i);
        if (c === 101 || c === 69) {
          i++;
          c = text.charCodeAt(i);
          if (c === 43 || c === 45) i++;
          const s = i;
          while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) i++;
          if (i === s) return null;
        }
        value = field !== F_NONE ? text.slice(start, i) : '';
      } else return null;

      if (field !== F_NONE) {
        if (field === F_OLD) fOld[top] = value;
        else if (field === F_NEW) fNew[top] = value;
        else if (field === F_ERROR) fErr[top] = value;
        else if (field === F_STATUS) fStatus[top] = value;
        else fDesc[top] = value;
        pending[top] = F_NONE;
      }
      state = 1;
      continue;
    }

    // state 1: after a value
    while (i < n && isWs(text.charCodeAt(i))) i++;
    if (depth === 0) {
      if (i < n) return null; // text after the end
      break;
    }
    if (i >= n) return null;
    const c = text.charCodeAt(i);
    const top = depth - 1;
    if (c === 44 /* , */) {
      i++;
      state = kind[top] === 1 ? 3 : 0;
      continue;
    }
    if (c === 125 /* } */ && kind[top] === 1) {
      i++;
      depth--;
      const o = fOld[top];
      const nw = fNew[top];
      if (o !== undefined || nw !== undefined) {
        w.push(o, nw, fErr[top], fStatus[top], fDesc[top], objects++);
      } else otherObjects++;
      if (top > 0 && kind[top - 1] === 1) pending[top - 1] = F_NONE;
      continue;
    }
    if (c === 93 /* ] */ && kind[top] === 0) {
      i++;
      depth--;
      if (top > 0 && kind[top - 1] === 1) pending[top - 1] = F_NONE;
      continue;
    }
    return null;
  }
  return { pairs: w.finish(), objects, bareStrings, otherObjects };
}
