/**
 * The pairing walk of an ЕРУЛ result: objects alternate {old_number, error} and {new_number}; each old number
 * belongs with the FOLLOWING new-number object. Merged objects (old, error and new in one) pair by themselves.
 * Never pairs by index: a missing object costs one pair, it does not shift every later pair.
 *
 * The walk is a small state machine (PairWalker) fed one object at a time, so a 400,000-object file is
 * paired straight from the parsed JSON without an intermediate list of items.
 */
import { NEW_LICENCE_RE, normaliseLicence, pairConsistent } from '../ids/licence';
import { fieldOf, visitObjects, type RawItem } from './items';
import type { RenumberingOutcome } from '../checks/report';

export type PairProblem = 'missing-new' | 'orphan-new' | 'inconsistent';

export const LATIN_OLD = 1;
export const LATIN_NEW = 2;
export const SPACES = 4;
/** The new number is of the full ЕРУЛ form (checked once, while normalising). */
export const NEW_VALID = 8;

/**
 * One pair, shaped as the licence record of the report (old, new, outcome, error, status, description), so
 * no second object per licence is made. What the findings need besides (object number, line, problem,
 * Latin «L» / spaces) lives in parallel arrays of PairSeq: a 200,000-licence file stays cheap.
 */
export interface Pair {
  /** Normalised old number ('' for a new number with no old number before it). */
  old: string;
  /** Normalised new number ('' when ЕРУЛ gave none or no new-number object followed). */
  new: string;
  /** Set by the kind's check. */
  outcome: RenumberingOutcome;
  /** The «error» text, trimmed ('' when none). */
  error: string;
  /** Only when the file has them (ТОР КНД import result). */
  status?: string;
  description?: string;
}

const PROBLEMS: readonly (PairProblem | undefined)[] = [undefined, 'missing-new', 'orphan-new', 'inconsistent'];
const PROBLEM_CODE: Record<PairProblem, number> = { 'missing-new': 1, 'orphan-new': 2, inconsistent: 3 };

/** The pairs of a file in order, with what the findings need about each (index i everywhere). */
export interface PairSeq {
  pairs: Pair[];
  /** 0-based number of the object that starts pair i. (Typed arrays: off the GC heap, nothing to trace.) */
  seq: Int32Array;
  /** 1-based line of that object; 0 or missing when unknown (whole JSON leaves the array empty). */
  line: number[];
  /** 0 none, else an index into PROBLEMS (see problemAt). */
  problem: Uint8Array;
  /** LATIN_OLD | LATIN_NEW | SPACES | NEW_VALID. */
  flags: Uint8Array;
}

export function problemAt(ps: PairSeq, i: number): PairProblem | undefined {
  return PROBLEMS[ps.problem[i]];
}

/** "where" for pair i: the line when known, else the object's number in the sequence. */
export function whereAt(ps: PairSeq, i: number): string {
  const line = ps.line[i] ?? 0;
  return line > 0 ? `строка ${line}` : `${ps.seq[i] + 1}-я по порядку запись в файле`;
}

/** Starts with «Л» and has no spaces or unusual dashes: nothing to normalise (a char loop, no regex). */
function canonical(raw: string): boolean {
  if (raw.charCodeAt(0) !== 0x41b) return false;
  for (let i = 1; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x3000) || c === 0xfeff) return false;
  }
  return true;
}

/** Same 13 characters before «/» (the usual case): consistent without any regex. */
function consistent(o: string, n: string): boolean {
  if (o.length > 14 && n.length > 14 && o.charCodeAt(13) === 47 && n.charCodeAt(13) === 47) {
    let same = true;
    for (let k = 0; k < 13; k++) {
      if (o.charCodeAt(k) !== n.charCodeAt(k)) {
        same = false;
        break;
      }
    }
    if (same) return true;
  }
  return pairConsistent(o, n);
}

function trimmed(s: string | undefined): string {
  if (s === undefined || s.length === 0) return '';
  const c0 = s.charCodeAt(0);
  const c1 = s.charCodeAt(s.length - 1);
  return c0 <= 32 || c1 <= 32 || c0 === 0xa0 || c1 === 0xa0 ? s.trim() : s;
}

/** Feed objects in document order with push(); take the pairs with finish(). */
export class PairWalker {
  private readonly pairs: Pair[] = [];
  private readonly line: number[] = [];
  private seq = new Int32Array(1024);
  private problem = new Uint8Array(1024);
  private flagsOf = new Uint8Array(1024);
  private waiting = false;
  private wOld = '';
  private wError: string | undefined;
  private wStatus: string | undefined;
  private wDescription: string | undefined;
  private wSeq = 0;
  private wLine = 0;
  private flags = 0;

  private norm(raw: string, isNew: boolean): string {
    if (raw.length === 0) return raw;
    if (isNew && NEW_LICENCE_RE.test(raw)) {
      this.flags |= NEW_VALID;
      return raw;
    }
    if (canonical(raw)) return raw;
    const n = normaliseLicence(raw);
    if (n.latin) this.flags |= isNew ? LATIN_NEW : LATIN_OLD;
    if (n.spaces) this.flags |= SPACES;
    if (isNew && NEW_LICENCE_RE.test(n.value)) this.flags |= NEW_VALID;
    return n.value;
  }

  private make(
    oldRaw: string | undefined,
    newRaw: string | undefined,
    error: string | undefined,
    status: string | undefined,
    description: string | undefined,
    seq: number,
    line: number,
    problem: number,
  ): void {
    this.flags = 0;
    const p: Pair = {
      old: oldRaw === undefined ? '' : this.norm(oldRaw, false),
      new: newRaw === undefined ? '' : this.norm(newRaw, true),
      outcome: 'pairingProblem',
      error: trimmed(error),
    };
    if (status !== undefined) p.status = trimmed(status);
    if (description !== undefined) p.description = trimmed(description);
    if (problem === 0 && p.old && p.new && !consistent(p.old, p.new)) problem = PROBLEM_CODE.inconsistent;
    const i = this.pairs.length;
    if (i === this.seq.length) this.grow();
    this.pairs.push(p);
    this.seq[i] = seq;
    this.problem[i] = problem;
    this.flagsOf[i] = this.flags;
    if (line > 0 || this.line.length > 0) {
      // lines are known only for text read by the lenient scanner; whole JSON keeps this array empty
      while (this.line.length < i) this.line.push(0);
      this.line.push(line);
    }
  }

  private grow(): void {
    const n = this.seq.length * 2;
    const seq = new Int32Array(n);
    seq.set(this.seq);
    this.seq = seq;
    const problem = new Uint8Array(n);
    problem.set(this.problem);
    this.problem = problem;
    const flags = new Uint8Array(n);
    flags.set(this.flagsOf);
    this.flagsOf = flags;
  }

  private flushWaiting(): void {
    if (!this.waiting) return;
    this.waiting = false;
    this.make(this.wOld, undefined, this.wError, this.wStatus, this.wDescription, this.wSeq, this.wLine, PROBLEM_CODE['missing-new']);
  }

  push(
    oldRaw: string | undefined,
    newRaw: string | undefined,
    error: string | undefined,
    status: string | undefined,
    description: string | undefined,
    seq: number,
    line = 0,
  ): void {
    if (oldRaw !== undefined && newRaw !== undefined) {
      this.flushWaiting();
      this.make(oldRaw, newRaw, error, status, description, seq, line, 0);
    } else if (oldRaw !== undefined) {
      this.flushWaiting();
      this.waiting = true;
      this.wOld = oldRaw;
      this.wError = error;
      this.wStatus = status;
      this.wDescription = description;
      this.wSeq = seq;
      this.wLine = line;
    } else if (this.waiting) {
      this.waiting = false;
      const err = this.wError || error;
      this.make(this.wOld, newRaw, err, status ?? this.wStatus, description ?? this.wDescription, this.wSeq, this.wLine, 0);
    } else {
      this.make(undefined, newRaw, error, status, description, seq, line, PROBLEM_CODE['orphan-new']);
    }
  }

  finish(): PairSeq {
    this.flushWaiting();
    const n = this.pairs.length;
    return { pairs: this.pairs, seq: this.seq.subarray(0, n), line: this.line, problem: this.problem.subarray(0, n), flags: this.flagsOf.subarray(0, n) };
  }
}

/** Walks a list of items once, keeping at most one old number waiting for its new number. */
export function walkPairs(items: readonly RawItem[]): PairSeq {
  const w = new PairWalker();
  for (const it of items) w.push(it.old, it.new, it.error, it.status, it.description, it.seq, it.line);
  return w.finish();
}

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

export interface JsonPairs {
  pairs: PairSeq;
  /** Number of objects that carried an old or a new number. */
  objects: number;
  bareStrings: string[];
  otherObjects: number;
}

/** Pairs straight from parsed JSON (the fast path for region-wide files). */
export function pairsFromJson(root: unknown): JsonPairs {
  const w = new PairWalker();
  let objects = 0;
  const bareStrings: string[] = [];
  const otherObjects = visitObjects(
    root,
    (obj) => {
      let o: string | undefined;
      let n: string | undefined;
      let e: string | undefined;
      let s: string | undefined;
      let d: string | undefined;
      for (const key in obj) {
        const f = fieldOf(key);
        if (f === null) continue;
        const v = text(obj[key]);
        if (f === 'old') o = v;
        else if (f === 'new') n = v;
        else if (f === 'error') e = v;
        else if (f === 'status') s = v;
        else d = v;
      }
      if (o === undefined && n === undefined) return false;
      w.push(o, n, e, s, d, objects++);
      return true;
    },
    (str) => {
      if (bareStrings.length < 100_000) bareStrings.push(str);
    },
  );
  return { pairs: w.finish(), objects, bareStrings, otherObjects };
}

/** FNV-1a over the last 16 characters and the length: licence numbers differ in their tails. */
function tailHash(s: string): number {
  let h = 0x811c9dc5 ^ s.length;
  for (let i = s.length > 16 ? s.length - 16 : 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const IDX = 2 ** 21;

/** Numbers (by `key`) met more than once among the trusted pairs → their pair indexes, in document order. */
function repeatedBy(pairs: readonly Pair[], problem: Uint8Array, key: (p: Pair) => string): Map<string, number[]> {
  const first = new Map<string, number>();
  const again = new Map<string, number[]>();
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i];
    if (problem[i] !== 0 || !p.new || !p.old) continue;
    const k = key(p);
    const a = first.get(k);
    if (a === undefined) first.set(k, i);
    else {
      const list = again.get(k);
      if (list) list.push(i);
      else again.set(k, [a, i]);
    }
  }
  return again;
}

/**
 * Old numbers met more than once among the trusted pairs → their pair indexes. A hash of each number goes
 * with its index into one Float64Array, sorted natively; only equal hashes are compared as strings. No Map
 * or Set of 200,000 strings (several times cheaper on region-wide files).
 */
function repeatedOld(pairs: readonly Pair[], problem: Uint8Array): Map<string, number[]> {
  if (pairs.length >= IDX) return repeatedBy(pairs, problem, (p) => p.old);
  const out = new Map<string, number[]>();
  const keys = new Float64Array(pairs.length);
  let n = 0;
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i];
    if (problem[i] !== 0 || !p.new || !p.old) continue;
    keys[n++] = tailHash(p.old) * IDX + i;
  }
  const sorted = keys.subarray(0, n).sort();
  for (let k = 1; k < n; k++) {
    const h = Math.floor(sorted[k] / IDX);
    if (h !== Math.floor(sorted[k - 1] / IDX)) continue;
    // a run of equal hashes: group its members by the actual string
    const start = k - 1;
    while (k + 1 < n && Math.floor(sorted[k + 1] / IDX) === h) k++;
    const byText = new Map<string, number[]>();
    for (let q = start; q <= k; q++) {
      const i = sorted[q] % IDX;
      const old = pairs[i].old;
      const list = byText.get(old);
      if (list) list.push(i);
      else byText.set(old, [i]);
    }
    for (const [old, list] of byText) if (list.length > 1) out.set(old, list);
  }
  // document order (the hash order means nothing to the official)
  return new Map([...out].sort((x, y) => x[1][0] - y[1][0]));
}

export interface PairConflict {
  /** Indexes into the pairs array. */
  indexes: number[];
  kind: 'old-twice' | 'new-twice';
  number: string;
}

/**
 * The same licence twice with different new numbers, or one new number given to two old numbers: neither
 * pair can be trusted. (The same pair twice is only a repetition.) One hash pass over old numbers; new
 * numbers are indexed only when some old number repeats or `checkNew` asks (it costs a second pass).
 */
export function findConflicts(ps: PairSeq, checkNew = true): PairConflict[] {
  const { pairs, problem } = ps;
  const againOld = repeatedOld(pairs, problem);
  const out: PairConflict[] = [];
  for (const [number, idx] of againOld) {
    if (idx.some((j) => pairs[j].new !== pairs[idx[0]].new)) out.push({ indexes: idx, kind: 'old-twice', number });
  }
  if (!checkNew) return out;
  for (const [number, idx] of repeatedBy(pairs, problem, (p) => p.new)) {
    if (idx.some((j) => pairs[j].old !== pairs[idx[0]].old)) out.push({ indexes: idx, kind: 'new-twice', number });
  }
  return out;
}
