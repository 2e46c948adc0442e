import { describe, expect, it } from 'vitest';
import { decodeText, encodeCp1251, streamText, type TextSink } from '../../../lib/formats/text';
import { bytesSource } from '../../../lib/formats/source';
import { FormatError } from '../../../lib/formats/errors';
import { XmlReader, XmlStop, parseXml } from '../../../lib/formats/xml';
import { readProtocol, protocolReader } from '../../../lib/egisso/protocol';
import { readPackage, packageReader } from '../../../lib/egisso/package';
import { protocolXml } from '../../../scripts/fixtures/egisso';
import { factPackageXml, factSpec, invalidFacts } from '../../../scripts/fixtures/egisso-published';

/** A sink that keeps the pieces and how many times it was started. */
function collector(): { start: () => TextSink<string>; starts: () => number; pieces: string[] } {
  let starts = 0;
  const pieces: string[] = [];
  return {
    pieces,
    starts: () => starts,
    start() {
      starts++;
      pieces.length = 0;
      return { write: (c) => (pieces.push(c), true), end: () => pieces.join('') };
    },
  };
}

const TEXT = '<?xml version="1.0"?>\n<a>Привет, мир — ёлка 🎄 и ещё текст</a>\n';

describe('streamText: the text in pieces, the same as decodeText', () => {
  it('UTF-8 cut inside multi-byte characters and a surrogate pair: same text at every piece size', async () => {
    const bytes = new TextEncoder().encode(TEXT);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const c = collector();
      const { result, encoding } = await streamText(bytesSource(bytes), c.start, size);
      expect(result).toBe(TEXT);
      expect(encoding).toBe('utf-8');
    }
  });
  it('BOM, UTF-16 LE and BE: the encoding decodeText names, the BOM not in the text', async () => {
    const utf8bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(TEXT).flatMap((ch) => {
      const out: number[] = [];
      for (let i = 0; i < ch.length; i++) out.push(ch.charCodeAt(i) & 0xff, ch.charCodeAt(i) >> 8);
      return out;
    })]);
    for (const bytes of [utf8bom, le]) {
      const whole = decodeText(bytes);
      const c = collector();
      const { result, encoding } = await streamText(bytesSource(bytes), c.start, 3);
      expect(result).toBe(whole.text);
      expect(encoding).toBe(whole.encoding);
    }
  });
  it('a windows-1251 file without a declaration: found out part-way, read again from the start with a fresh sink', async () => {
    const bytes = encodeCp1251('<a>' + 'x'.repeat(100) + 'Иванов</a>');
    const c = collector();
    const { result, encoding } = await streamText(bytesSource(bytes), c.start, 16);
    expect(encoding).toBe('windows-1251');
    expect(result).toBe('<a>' + 'x'.repeat(100) + 'Иванов</a>');
    expect(c.starts()).toBe(2);
  });
  it('declared windows-1251 is decoded as such from the first piece', async () => {
    const text = '<?xml version="1.0" encoding="windows-1251"?><a>Ёжик</a>';
    const c = collector();
    const { result, encoding } = await streamText(bytesSource(encodeCp1251(text)), c.start, 4);
    expect([result, encoding, c.starts()]).toEqual([text, 'windows-1251', 1]);
  });
  it('odd UTF-16 and broken UTF-8 after a BOM are told in Russian, as decodeText does', async () => {
    const odd = new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x61]);
    await expect(streamText(bytesSource(odd), collector().start)).rejects.toMatchObject({ code: 'truncated' });
    const bad = new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c]);
    const err = await streamText(bytesSource(bad), collector().start, 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).code).toBe('bad-encoding');
  });
  it('a sink that says stop is not fed any further', async () => {
    const bytes = new TextEncoder().encode('x'.repeat(1000));
    let writes = 0;
    await streamText(bytesSource(bytes), () => ({ write: () => (++writes, false), end: () => writes }), 10);
    expect(writes).toBe(1);
  });
});

describe('XmlReader: text in pieces of any size reads as the whole', () => {
  it('elements, leaf text and entities are the same at every split point', () => {
    const xml = '<?xml version="1.0"?>\r\n<p:a xmlns:p="urn:p"><p:b>Иван &amp; 🎄</p:b><p:c><![CDATA[x<y]]></p:c><p:d/></p:a>';
    const read = (pieces: string[]): string[] => {
      const seen: string[] = [];
      const r = new XmlReader({ open: (t) => (seen.push(`+${t.local}@${t.uri}`), true), close: (l, _u, text) => void seen.push(`-${l}:${text}`) }, { attributes: false });
      for (const p of pieces) r.write(p);
      r.close();
      return seen;
    };
    const whole = read([xml]);
    expect(whole).toContain('-b:Иван & 🎄');
    expect(whole).toContain('-c:x<y');
    expect(whole).toContain('-a:');
    for (let i = 1; i < xml.length; i++) expect(read([xml.slice(0, i), xml.slice(i)])).toEqual(whole);
  });
  it('text is built only for the leaves asked for', () => {
    const texts: string[] = [];
    parseXml('<a><b>1</b><c>2</c></a>', { open: (t) => t.local === 'c', close: (_l, _u, text) => void texts.push(text) });
    expect(texts).toEqual(['', '2', '']);
  });
  it('a reader stopped by a handler (XmlStop) says so and takes no more text', () => {
    let opened = 0;
    const r = new XmlReader({
      open() {
        if (++opened === 2) throw new XmlStop();
      },
    });
    r.write('<a><b/>');
    expect(r.close()).toBe(false);
    expect(r.write('<c/></a>')).toBe(false);
    expect(opened).toBe(2);
  });
});

describe('protocol and package readers: streamed in small pieces, the same result', () => {
  it('a protocol read in 7-character pieces equals the protocol read whole', () => {
    const xml = protocolXml({ style: 'envelope', form: 'messages' });
    const r = protocolReader();
    for (let i = 0; i < xml.length; i += 7) r.write(xml.slice(i, i + 7));
    expect(r.end()).toEqual(readProtocol(xml));
  });
  it('a package with errors read in 5-character pieces equals the package read whole', () => {
    const xml = factPackageXml('1.1.0', [...invalidFacts(), factSpec(40)]);
    const r = packageReader();
    for (let i = 0; i < xml.length; i += 5) r.write(xml.slice(i, i + 5));
    const streamed = r.end();
    expect(streamed).toEqual(readPackage(xml));
    expect(streamed.problems).toBeGreaterThan(0);
  });
});
