import { describe, expect, it } from 'vitest';
import { parseXml, parseXmlTree, MAX_XML_DEPTH } from '../../../lib/formats/xml';
import { FormatError } from '../../../lib/formats/errors';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { deepXml } from '../../../scripts/fixtures/hostile';
import { fixture } from '../fixture-path';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return null;
}

describe('XML nesting (issue 16: 50,000 nested elements took 28 s, namespace lookup walked the tag stack)', () => {
  it('refuses 50,000 nested <a> elements (hostile/deep-50000.xml, 350 KB) with a Russian message and the place', () => {
    const err = thrown(() => parseXml(new TextDecoder().decode(fixture('hostile', 'deep-50000.xml')), {}));
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).code).toBe('xml-too-deep');
    expect((err as FormatError).message).toMatch(/^XML вложен слишком глубоко \(больше 64 уровней\)/);
    expect((err as FormatError).where).toBe('строка 1, столбец 196');
  });

  it('reads 64 levels (deep-64.xml) and refuses 65 (deep-65.xml)', () => {
    expect(MAX_XML_DEPTH).toBe(64);
    let depth = 0;
    let max = 0;
    parseXml(new TextDecoder().decode(fixture('hostile', 'deep-64.xml')), { open: () => void (max = Math.max(max, ++depth)), close: () => void depth-- });
    expect(max).toBe(64);
    expect((thrown(() => parseXmlTree(new TextDecoder().decode(deepXml(65)))) as FormatError).code).toBe('xml-too-deep');
  });

  it('sibling elements do not add depth: 10,000 siblings at level 3 are read', () => {
    const t = parseXmlTree(`<r><s>${'<e/>'.repeat(10_000)}</s></r>`);
    expect(t.children[0].children).toHaveLength(10_000);
  });

  it('namespaces declared deep inside are released when their element closes', () => {
    const t = parseXmlTree('<r><a xmlns="urn:a"><b/></a><b/><p:c xmlns:p="urn:p"><p:d xmlns:p="urn:q"/><p:e/></p:c></r>');
    const names = (el: typeof t): string[] => [`${el.local}@${el.uri}`, ...el.children.flatMap(names)];
    expect(names(t)).toEqual(['r@', 'a@urn:a', 'b@urn:a', 'b@', 'c@urn:p', 'd@urn:q', 'e@urn:p']);
    expect((thrown(() => parseXmlTree('<r><p:c xmlns:p="urn:p"/><p:d/></r>')) as FormatError).code).toBe('xml-syntax');
  });

  it('the check pipeline reports the deep file as unreadable with that message', async () => {
    const r = await checkSource('deep-50000.xml', bytesSource(fixture('hostile', 'deep-50000.xml')));
    expect(r.verdict).toBe('error');
    expect(r.findings[0].message).toMatch(/вложен слишком глубоко/);
  });
});
