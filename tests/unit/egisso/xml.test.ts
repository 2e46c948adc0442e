import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml, parseXmlTree, xmlRootName, decodeXml, XmlStop, childrenNamed } from '../../../lib/formats/xml';
import { FormatError } from '../../../lib/formats/errors';
import { encodeCp1251 } from '../../../lib/formats/text';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';

const fx = (name: string) => new Uint8Array(readFileSync(join(FIXTURES_DIR, 'egisso', name)));

function formatError(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (err) {
    if (err instanceof FormatError) return err;
    throw err;
  }
  throw new Error('no error thrown');
}

describe('parseXml: names and namespaces', () => {
  it('gives local names and namespace URIs, whatever the prefix (or none)', () => {
    const a = parseXmlTree('<a:x xmlns:a="urn:one"><a:y>1</a:y></a:x>');
    const b = parseXmlTree('<x xmlns="urn:one"><y>1</y></x>');
    const c = parseXmlTree('<q:x xmlns:q="urn:one"><r:y xmlns:r="urn:one">1</r:y></q:x>');
    for (const t of [a, b, c]) {
      expect(t.local).toBe('x');
      expect(t.uri).toBe('urn:one');
      expect(t.children[0]).toMatchObject({ local: 'y', uri: 'urn:one', text: '1' });
    }
  });
  it('the same prefix can mean different namespaces at different levels', () => {
    const t = parseXmlTree('<p:a xmlns:p="urn:a"><p:b xmlns:p="urn:b"/><p:c/></p:a>');
    expect(t.children.map((c) => `${c.local}@${c.uri}`)).toEqual(['b@urn:b', 'c@urn:a']);
  });
  it('attributes by local name, namespace declarations left out', () => {
    const t = parseXmlTree('<a xmlns="urn:x" xmlns:z="urn:z" id="7" z:kind="k"/>');
    expect(t.attrs).toEqual({ id: '7', kind: 'k' });
  });
  it('decodes CDATA and predefined entities, keeps text as text', () => {
    const t = parseXmlTree('<a>&lt;b&gt; &amp; <![CDATA[<script>x</script>]]></a>');
    expect(t.text).toBe('<b> & <script>x</script>');
    expect(childrenNamed(t, 'script')).toHaveLength(0);
  });
  it('stops early on XmlStop and reports where the root is', () => {
    let opened = 0;
    const complete = parseXml('<a><b/><c/></a>', {
      open() {
        opened++;
        if (opened === 2) throw new XmlStop();
      },
    });
    expect(complete).toBe(false);
    expect(opened).toBe(2);
    expect(xmlRootName('<?xml version="1.0"?>\n<!-- c --><ns:data xmlns:ns="urn://egisso-ru/msg/10.06.S/1.0.6"/>')).toEqual({
      local: 'data',
      uri: 'urn://egisso-ru/msg/10.06.S/1.0.6',
    });
  });
});

describe('parseXml: refusals and errors', () => {
  it('refuses a DOCTYPE with an external entity, in Russian, with line/column, without resolving it', () => {
    const err = formatError(() => parseXmlTree(decodeXml(fx('doctype-external-entity.xml')).text));
    expect(err.code).toBe('xml-doctype');
    expect(err.message).toMatch(/внешняя сущность/);
    expect(err.where).toMatch(/^строка 2, столбец 1$/);
  });
  it('refuses billion laughs at once (no expansion)', () => {
    const t0 = performance.now();
    const err = formatError(() => parseXmlTree(decodeXml(fx('billion-laughs.xml')).text));
    expect(err.code).toBe('xml-doctype');
    expect(err.message).toMatch(/billion laughs/);
    expect(performance.now() - t0).toBeLessThan(200);
  });
  it('refuses a bare DOCTYPE too, and a DOCTYPE after a comment', () => {
    expect(formatError(() => parseXmlTree('<!DOCTYPE a>\n<a/>')).code).toBe('xml-doctype');
    expect(formatError(() => parseXmlTree('<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE a SYSTEM "http://evil.example/a.dtd">\n<a/>')).code).toBe('xml-doctype');
  });
  it('undefined entities are errors, not expansions', () => {
    const err = formatError(() => parseXmlTree('<a>&foo;</a>'));
    expect(err.code).toBe('xml-syntax');
    expect(err.message).toMatch(/неизвестную сущность/);
  });
  it('a truncated document says so, with the line', () => {
    const err = formatError(() => parseXmlTree(decodeXml(fx('truncated.xml')).text));
    expect(err.code).toBe('xml-syntax');
    expect(err.message).toMatch(/обрывается/);
    expect(err.where).toMatch(/^строка \d+, столбец \d+$/);
  });
  it('mismatched tags and unbound prefixes are reported with line/column', () => {
    const err = formatError(() => parseXmlTree('<a>\n  <b></c>\n</a>'));
    expect(err.where).toMatch(/^строка 2,/);
    expect(formatError(() => parseXmlTree('<p:a/>')).message).toMatch(/префикс/);
  });
  it('tolerates whitespace before the prolog and a stray BOM character', () => {
    expect(parseXmlTree('\n  <?xml version="1.0"?><a/>').local).toBe('a');
    expect(parseXmlTree('\uFEFF<a/>').local).toBe('a');
  });
});

describe('decodeXml: encodings', () => {
  it('decodes windows-1251 declared in the prolog', () => {
    const bytes = encodeCp1251('<?xml version="1.0" encoding="windows-1251"?><a>Дата решения о назначении</a>');
    const { text, encoding } = decodeXml(bytes);
    expect(encoding).toBe('windows-1251');
    expect(parseXmlTree(text).text).toBe('Дата решения о назначении');
  });
  it('reads the windows-1251, BOM and CRLF fixtures', () => {
    expect(decodeXml(fx('cp1251.xml')).encoding).toBe('windows-1251');
    const bom = decodeXml(fx('bom-crlf.xml'));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.text).toContain('\r\n');
    expect(parseXmlTree(bom.text).local).toBe('protocol');
  });
});
