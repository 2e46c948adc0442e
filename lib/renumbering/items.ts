/**
 * Renumbering files → a flat sequence of items in document order. Each item is one JSON object that carries
 * an old number, a new number, or both (merged), with its error / status / description.
 *
 * Two readers: from parsed JSON (fast path), and a lenient scanner for text that is not whole JSON (a fragment
 * cut out of a result file, a file cut off at the end) that still recovers every complete object.
 */

export type Field = 'old' | 'new' | 'error' | 'status' | 'description';

export interface RawItem {
  old?: string;
  new?: string;
  error?: string;
  status?: string;
  description?: string;
  /** 0-based position in the sequence of items. */
  seq: number;
  /** 1-based line where the object starts (lenient scanner only). */
  line?: number;
}

const FIELD_NAMES: Record<string, Field> = {
  oldnumber: 'old',
  oldnum: 'old',
  oldno: 'old',
  oldlicensenumber: 'old',
  oldlicencenumber: 'old',
  newnumber: 'new',
  newnum: 'new',
  newno: 'new',
  newlicensenumber: 'new',
  newlicencenumber: 'new',
  error: 'error',
  errors: 'error',
  errormessage: 'error',
  errortext: 'error',
  status: 'status',
  description: 'description',
};

const cache: Record<string, Field | null> = Object.create(null) as Record<string, Field | null>;
let cached = 0;

/** Which field a key names, whatever its casing and separators («old_Number», «OLD_NUMBER», «oldNumber»). */
export function fieldOf(key: string): Field | null {
  const hit = cache[key];
  if (hit !== undefined) return hit;
  const f = FIELD_NAMES[key.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? null;
  if (cached < 2000) {
    cache[key] = f;
    cached++;
  }
  return f;
}

function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** Builds an item from an object, or null when it carries no old or new number. */
function itemOf(obj: Record<string, unknown>, seq: number): RawItem | null {
  let item: RawItem | null = null;
  for (const key in obj) {
    const f = fieldOf(key);
    if (f === null) continue;
    item ??= { seq };
    item[f] = valueText(obj[key]);
  }
  if (item === null || (item.old === undefined && item.new === undefined)) return null;
  return item;
}

export interface ItemScan {
  items: RawItem[];
  /** Strings met directly in arrays (an «array of strings» instead of objects). */
  bareStrings: string[];
  /** Objects that carried none of the known fields. */
  otherObjects: number;
}

/**
 * Visits the objects of a parsed JSON value in document order. `take(obj)` returns true when the object is
 * an item (its children are not visited). Iterative: no recursion, no per-node path arrays; a flat array
 * of 400,000 objects is looped over, not pushed on a stack.
 */
export function visitObjects(root: unknown, take: (obj: Record<string, unknown>) => boolean, onString?: (s: string) => void): number {
  let otherObjects = 0;
  // Two parallel stacks: a value, and for arrays the index to resume from.
  const values: unknown[] = [root];
  const froms: number[] = [0];
  while (values.length) {
    const value = values.pop();
    const from = froms.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = from; i < value.length; i++) {
        const el = value[i];
        if (el === null || typeof el !== 'object') {
          if (onString && typeof el === 'string') onString(el);
          continue;
        }
        if (!Array.isArray(el) && take(el as Record<string, unknown>)) continue;
        // A nested array or a wrapper object: visit it first, then resume this array after it.
        values.push(value);
        froms.push(i + 1);
        if (Array.isArray(el)) {
          values.push(el);
          froms.push(0);
        } else {
          otherObjects++;
          pushChildren(el as Record<string, unknown>, values, froms);
        }
        break;
      }
      continue;
    }
    const obj = value as Record<string, unknown>;
    if (take(obj)) continue;
    otherObjects++;
    pushChildren(obj, values, froms);
  }
  return otherObjects;
}

function pushChildren(obj: Record<string, unknown>, values: unknown[], froms: number[]): void {
  const children: unknown[] = [];
  for (const k in obj) {
    const v = obj[k];
    if (v !== null && typeof v === 'object') children.push(v);
  }
  for (let j = children.length - 1; j >= 0; j--) {
    values.push(children[j]);
    froms.push(0);
  }
}

/** Items of a parsed JSON value, in document order, wherever the sequence sits. */
export function itemsFromJson(root: unknown): ItemScan {
  const items: RawItem[] = [];
  const bareStrings: string[] = [];
  const otherObjects = visitObjects(
    root,
    (obj) => {
      const item = itemOf(obj, items.length);
      if (!item) return false;
      items.push(item);
      return true;
    },
    (s) => {
      if (bareStrings.length < 100_000) bareStrings.push(s);
    },
  );
  return { items, bareStrings, otherObjects };
}

export interface LenientScan extends ItemScan {
  /** The text ended inside a string or an object. */
  truncated: boolean;
  /** The first item started without its opening «{» (the text begins in the middle of an object). */
  startsMidObject: boolean;
}

interface Frame {
  item: RawItem | null;
  line: number;
}

/**
 * A forgiving reader for text that is not whole JSON: strings, «key: value» pairs and braces, nothing more.
 * Pairs met before any «{» (a fragment that starts mid-object) form an object closed by the first «}».
 */
export function itemsFromText(text: string): LenientScan {
  const items: RawItem[] = [];
  const bareStrings: string[] = [];
  let otherObjects = 0;
  const frames: Frame[] = [];
  let implicit: Frame | null = null;
  let startsMidObject = false;
  let truncated = false;
  let pending: Field | null | undefined; // undefined: no key waiting for a value
  let line = 1;
  let i = 0;
  const n = text.length;

  const top = (): Frame => {
    if (frames.length) return frames[frames.length - 1];
    if (!implicit) {
      implicit = { item: null, line };
      if (items.length === 0) startsMidObject = true;
    }
    return implicit;
  };
  const assign = (value: string) => {
    if (pending === undefined) {
      if (frames.length === 0 && bareStrings.length < 100_000) bareStrings.push(value);
      return;
    }
    const f = pending;
    pending = undefined;
    if (f === null) return;
    const frame = top();
    frame.item ??= { seq: -1, line: frame.line };
    frame.item[f] = value;
  };
  const emit = (frame: Frame) => {
    const it = frame.item;
    if (it && (it.old !== undefined || it.new !== undefined)) {
      it.seq = items.length;
      items.push(it);
    } else otherObjects++;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (c === 34 /* " */) {
      let j = i + 1;
      let escaped = false;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 92) {
          escaped = true;
          j++;
        } else if (d === 34) break;
        else if (d === 10) break; // a string never spans lines in these files
      }
      if (j >= n || text.charCodeAt(j) !== 34) {
        truncated = j >= n;
        if (j >= n) break;
        // a broken string: skip to the end of the line
        i = j;
        pending = undefined;
        continue;
      }
      let s = text.slice(i + 1, j);
      if (escaped) {
        try {
          s = JSON.parse(`"${s}"`) as string;
        } catch {
          // keep the raw text
        }
      }
      i = j + 1;
      let k = i;
      while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
      if (pending === undefined && k < n && text.charCodeAt(k) === 58 /* : */) {
        pending = fieldOf(s);
        i = k + 1;
      } else assign(s);
      continue;
    }
    if (c === 123 /* { */) {
      frames.push({ item: null, line });
      pending = undefined;
      i++;
      continue;
    }
    if (c === 125 /* } */) {
      pending = undefined;
      const frame: Frame | null = frames.pop() ?? implicit;
      if (frame === implicit) implicit = null;
      if (frame) emit(frame);
      i++;
      continue;
    }
    if (c === 91 /* [ */ || c === 93 || c === 44 /* , */) {
      pending = undefined;
      i++;
      continue;
    }
    // literals: numbers, true, false, null
    if ((c >= 48 && c <= 57) || c === 45 || c === 116 || c === 102 || c === 110) {
      let j = i;
      while (j < n && !/[\s,\]}]/.test(text[j])) j++;
      const tok = text.slice(i, j);
      assign(tok === 'null' ? '' : tok);
      i = j;
      continue;
    }
    i++;
  }
  if (frames.length || implicit) truncated = true;
  // Objects left open at the end (a file cut off): keep what they carried, in order of opening.
  if (implicit) emit(implicit);
  for (const f of frames) if (f.item) emit(f);
  return { items, bareStrings, otherObjects, truncated, startsMidObject };
}
