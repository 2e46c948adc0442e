import { describe, expect, it } from 'vitest';
import { parseJson, scanJson, positionAt, walkJson } from '../../../lib/formats/json';
import { FormatError } from '../../../lib/formats/errors';
import { decodeText } from '../../../lib/formats/text';
import { fixture } from '../fixture-path';

function errorOf(text: string): FormatError {
  try {
    parseJson(text);
  } catch (e) {
    return e as FormatError;
  }
  throw new Error('parsed');
}

describe('parseJson', () => {
  it('parses valid JSON exactly like JSON.parse', () => {
    const text = decodeText(fixture('formats', 'utf8.json')).text;
    expect(parseJson(text)).toEqual(JSON.parse(text));
  });

  it('a truncated file: says it is cut off, with line and column of the end', () => {
    const e = errorOf(decodeText(fixture('formats', 'truncated.json')).text);
    expect(e.code).toBe('truncated');
    expect(e.message).toContain('обрывается');
    expect(e.where).toBe('строка 3, столбец 16');
  });

  it('a missing comma: points at the line and column', () => {
    const e = errorOf(decodeText(fixture('formats', 'syntax-error.json')).text);
    expect(e.code).toBe('json-syntax');
    expect(e.where).toBe('строка 4, столбец 3');
    expect(e.message).toContain('запятая');
  });

  it.each([
    ['[1,]', 1, 4],
    ['{"a":1,}', 1, 8],
    ['{"a" 1}', 1, 6],
    ['[1] 2', 1, 5],
    ['{"a":tru}', 1, 6],
    ['"abc\n"', 1, 1],
  ])('%j fails at line %i column %i', (text, line, column) => {
    const p = scanJson(text);
    expect(positionAt(text, p.offset)).toMatchObject({ line, column });
  });

  it('JSON nested 100,000 deep neither crashes the parser nor the walker', () => {
    const text = decodeText(fixture('formats', 'deep.json')).text;
    const value = parseJson(text);
    let depth = 0;
    walkJson(value, (_v, d) => {
      depth = Math.max(depth, d);
    });
    expect(depth).toBe(99_999);
  });

  it('a too-deep broken file is reported as too deep, not as a stack overflow', () => {
    const p = scanJson('['.repeat(5000));
    expect(p.code).toBe('too-deep');
  });
});
