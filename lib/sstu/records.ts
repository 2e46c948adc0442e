/**
 * Counting status records inside the entries of a «Файл_N.zip» while they stream past (no entry is held
 * whole unless it is small JSON). The ССТУ.РФ exchange format is not in the instruction, so the count is the
 * number of elements directly under the XML root element that share the most common name, or the length of
 * the JSON array (at the root or the longest array one level below it).
 */

export interface RecordCounter {
  push(chunk: Uint8Array): void;
  /** null when the entry's records could not be counted (not well-formed, JSON too large…). */
  finish(): number | null;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const DASH = 0x2d;
const LBRACKET = 0x5b;

function isNameByte(b: number): boolean {
  return b > 0x20 && b !== GT && b !== SLASH && b !== 0x3d && b !== 0x22 && b !== 0x27;
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * A streaming scanner of XML tags: jumps from "<" to "<" with the native indexOf, tracks depth, skips
 * comments, CDATA, processing instructions and declarations, and counts start tags at depth 1 by name.
 */
export function xmlRecordCounter(): RecordCounter {
  let carry: Uint8Array | null = null;
  let depth = 0;
  let broken = false;
  const counts = new Map<string, number>();
  /** Inside a comment / CDATA / PI spanning chunks: the terminator searched for. */
  let skipUntil: number[] | null = null;
  const decoder = new TextDecoder('utf-8');
  let lastName: Uint8Array | null = null;
  let lastCount = 0;
  const flushLast = () => {
    if (lastName && lastCount) {
      const name = decoder.decode(lastName);
      counts.set(name, (counts.get(name) ?? 0) + lastCount);
    }
    lastCount = 0;
  };

  function findSeq(buf: Uint8Array, seq: readonly number[], from: number): number {
    let i = from;
    for (;;) {
      i = buf.indexOf(seq[0], i);
      if (i < 0 || i + seq.length > buf.length) return -1;
      let ok = true;
      for (let k = 1; k < seq.length; k++) if (buf[i + k] !== seq[k]) { ok = false; break; }
      if (ok) return i;
      i++;
    }
  }

  function scan(buf: Uint8Array): void {
    let i = 0;
    const n = buf.length;
    while (i < n) {
      if (skipUntil) {
        const end = findSeq(buf, skipUntil, i);
        if (end < 0) {
          // keep the last bytes: the terminator may be split
          carry = buf.subarray(Math.max(i, n - skipUntil.length + 1));
          return;
        }
        i = end + skipUntil.length;
        skipUntil = null;
        continue;
      }
      const lt = buf.indexOf(LT, i);
      if (lt < 0) return;
      if (lt + 1 >= n) { carry = buf.subarray(lt); return; }
      const b = buf[lt + 1];
      if (b === QUESTION) { skipUntil = [QUESTION, GT]; i = lt + 2; continue; }
      if (b === BANG) {
        if (lt + 3 >= n) { carry = buf.subarray(lt); return; }
        if (buf[lt + 2] === DASH && buf[lt + 3] === DASH) { skipUntil = [DASH, DASH, GT]; i = lt + 4; continue; }
        if (buf[lt + 2] === LBRACKET) { skipUntil = [0x5d, 0x5d, GT]; i = lt + 3; continue; }
        skipUntil = [GT];
        i = lt + 2;
        continue;
      }
      if (b === SLASH) {
        // an end tag: no "<" can come before its ">", so the next search simply passes it
        depth--;
        if (depth < 0) broken = true;
        i = lt + 2;
        continue;
      }
      // A start tag ends at the next ">" (no "<" may occur inside a tag; a quoted ">" is legal but rare:
      // it matters only when it makes the tag look self-closing, and that case is walked carefully).
      // tags are short: a plain loop beats a native call here
      let j = lt + 2;
      while (j < n && buf[j] !== GT) j++;
      if (j >= n) { carry = buf.subarray(lt); return; }
      if (buf[j - 1] === SLASH) {
        j = lt + 1;
        let quote = 0;
        while (j < n) {
          const c = buf[j];
          if (quote) { if (c === quote) quote = 0; }
          else if (c === 0x22 || c === 0x27) quote = c;
          else if (c === GT) break;
          j++;
        }
        if (j >= n) { carry = buf.subarray(lt); return; }
      }
      {
        const selfClosing = buf[j - 1] === SLASH;
        if (depth === 1) {
          let e = lt + 1;
          while (e < j && isNameByte(buf[e])) e++;
          // records share one name: compare with the last one before decoding
          let same = lastName !== null && e - lt - 1 === lastName.length;
          for (let k = 0; same && k < lastName!.length; k++) if (buf[lt + 1 + k] !== lastName![k]) same = false;
          if (same) lastCount++;
          else {
            flushLast();
            lastName = buf.slice(lt + 1, e);
            lastCount = 1;
          }
        }
        if (!selfClosing) depth++;
      }
      i = j + 1;
    }
  }

  return {
    push(chunk) {
      if (broken) return;
      if (!carry) scan(chunk);
      else {
        // the item cut at the last chunk's end is finished with as little of this chunk as closes it (up to its
        // first ">"), not by copying the whole chunk behind it: in a browser, fresh memory costs more than the scan
        const gt = chunk.indexOf(GT);
        const cut = gt < 0 ? chunk.length : gt + 1;
        const head = joined(carry, chunk.subarray(0, cut));
        carry = null;
        scan(head);
        if (cut < chunk.length) {
          if (carry) {
            const rest = joined(carry, chunk.subarray(cut));
            carry = null;
            scan(rest);
          } else scan(chunk.subarray(cut));
        }
      }
      // the caller may reuse the chunk's memory
      if (carry) carry = (carry as Uint8Array).slice();
      if (carry && (carry as Uint8Array).length > 1024 * 1024) broken = true;
    },
    finish() {
      flushLast();
      lastName = null;
      if (broken || depth !== 0 || counts.size === 0) return counts.size === 0 && !broken && depth === 0 ? 0 : null;
      let best = 0;
      for (const v of counts.values()) best = Math.max(best, v);
      return best;
    },
  };
}

/** JSON entries up to maxBytes are parsed whole; larger ones are not counted. */
export function jsonRecordCounter(maxBytes = 32 * 1024 * 1024): RecordCounter {
  const parts: Uint8Array[] = [];
  let size = 0;
  let tooBig = false;
  return {
    push(chunk) {
      if (tooBig) return;
      size += chunk.length;
      if (size > maxBytes) {
        tooBig = true;
        parts.length = 0;
        return;
      }
      parts.push(chunk.slice());
    },
    finish() {
      if (tooBig) return null;
      const all = new Uint8Array(size);
      let o = 0;
      for (const p of parts) { all.set(p, o); o += p.length; }
      let value: unknown;
      try {
        let text = new TextDecoder('utf-8').decode(all);
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        value = JSON.parse(text);
      } catch {
        return null;
      }
      if (Array.isArray(value)) return value.length;
      if (value && typeof value === 'object') {
        let best = -1;
        for (const v of Object.values(value)) if (Array.isArray(v)) best = Math.max(best, v.length);
        return best >= 0 ? best : 1;
      }
      return null;
    },
  };
}

export function counterFor(entryName: string): RecordCounter | null {
  const n = entryName.toLowerCase();
  if (n.endsWith('.xml')) return xmlRecordCounter();
  if (n.endsWith('.json')) return jsonRecordCounter();
  return null;
}
