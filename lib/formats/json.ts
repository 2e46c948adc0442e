import { FormatError } from './errors';

export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: end - lineStart + 1 };
}

export function describePosition(p: TextPosition): string {
  return `строка ${p.line}, столбец ${p.column}`;
}

/** Deeper than this is refused: no real portal file nests like that, and walkers stay iterative anyway. */
export const MAX_JSON_DEPTH = 1000;

/**
 * JSON.parse for speed; on failure a small scanner finds where the text stops being JSON,
 * so the message names the line and column the same way in every JS engine.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw explainJsonError(text);
  }
}

export function explainJsonError(text: string): FormatError {
  const problem = scanJson(text);
  const where = describePosition(positionAt(text, problem.offset));
  return new FormatError(problem.code, problem.message, where);
}

interface JsonProblem {
  code: string;
  message: string;
  offset: number;
}

const TRUNCATED = 'Файл обрывается: данные JSON не закончены. Похоже, файл скачан не полностью — скачайте его заново.';

/** Iterative JSON syntax scanner: returns the first problem (its offset), never recurses. */
export function scanJson(text: string): JsonProblem {
  let i = 0;
  const n = text.length;
  const stack: number[] = []; // 0 = array, 1 = object
  const bad = (msg: string, at = i): JsonProblem => ({ code: 'json-syntax', message: msg, offset: at });
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const value = (): JsonProblem | null => {
    ws();
    if (i >= n) return { code: 'truncated', message: TRUNCATED, offset: n };
    const c = text[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') return null; // handled by the loop
    const lit = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (lit) {
      i += lit[0].length;
      return null;
    }
    return bad(`Здесь ожидалось значение JSON, а стоит «${printable(text, i)}».`);
  };
  const string = (): JsonProblem | null => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c === 92) i += 2;
      else if (c < 32) return bad('Строка внутри JSON не закрыта кавычкой до конца строки.', start);
      else i++;
    }
    return { code: 'truncated', message: TRUNCATED, offset: n };
  };

  ws();
  if (i >= n) return { code: 'empty', message: 'Файл пустой: в нём нет данных.', offset: 0 };
  // expecting: 'value' | 'key' | 'after-value'
  let expect: 'value' | 'key-or-end' | 'value-or-end' = 'value';
  for (;;) {
    ws();
    if (expect === 'value' || expect === 'value-or-end') {
      if (i >= n) return { code: 'truncated', message: TRUNCATED, offset: n };
      const c = text[i];
      if (expect === 'value-or-end' && c === ']') {
        i++;
        stack.pop();
      } else if (c === '[' || c === '{') {
        stack.push(c === '[' ? 0 : 1);
        if (stack.length > MAX_JSON_DEPTH) {
          return { code: 'too-deep', message: `Данные вложены глубже ${MAX_JSON_DEPTH} уровней — это не похоже на файл портала.`, offset: i };
        }
        i++;
        expect = c === '[' ? 'value-or-end' : 'key-or-end';
        continue;
      } else {
        const p = value();
        if (p) return p;
      }
    } else {
      if (i >= n) return { code: 'truncated', message: TRUNCATED, offset: n };
      if (text[i] === '}') {
        i++;
        stack.pop();
      } else {
        if (text[i] !== '"') return bad(`Здесь ожидалось имя поля в кавычках, а стоит «${printable(text, i)}».`);
        const p = string();
        if (p) return p;
        ws();
        if (i >= n) return { code: 'truncated', message: TRUNCATED, offset: n };
        if (text[i] !== ':') return bad(`После имени поля ожидалось двоеточие, а стоит «${printable(text, i)}».`);
        i++;
        expect = 'value';
        continue;
      }
    }
    // after a complete value
    for (;;) {
      ws();
      if (stack.length === 0) {
        if (i < n) return bad(`После конца данных JSON идёт лишний текст: «${printable(text, i)}».`);
        return { code: 'json-syntax', message: 'Не удалось прочитать данные JSON.', offset: 0 };
      }
      if (i >= n) return { code: 'truncated', message: TRUNCATED, offset: n };
      const top = stack[stack.length - 1];
      const c = text[i];
      if (c === ',') {
        i++;
        expect = top === 0 ? 'value' : 'key-or-end';
        if (top === 1) {
          ws();
          if (text[i] === '}') return bad('Лишняя запятая перед закрывающей скобкой «}».');
          expect = 'key-or-end';
        }
        break;
      }
      if ((c === ']' && top === 0) || (c === '}' && top === 1)) {
        i++;
        stack.pop();
        continue;
      }
      return bad(`Здесь ожидалась запятая или закрывающая скобка «${top === 0 ? ']' : '}'}», а стоит «${printable(text, i)}».`);
    }
  }
}

function printable(text: string, at: number): string {
  const s = text.slice(at, at + 12).replace(/[\u0000-\u001f]/g, ' ');
  return s.length ? s : 'конец файла';
}

/**
 * Visits every object and array of a parsed JSON value without recursion (a 100,000-deep file must
 * not overflow the stack). `depth` is 0 at the root; return false from visit to skip a value's children.
 */
export function walkJson(root: unknown, visit: (value: object, depth: number, key: string | number | null) => boolean | void): void {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  const keys: (string | number | null)[] = [null];
  while (values.length) {
    const value = values.pop();
    const depth = depths.pop()!;
    const key = keys.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (visit(value, depth, key) === false) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        values.push(value[i]);
        depths.push(depth + 1);
        keys.push(i);
      }
    } else {
      const entries = Object.keys(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        values.push((value as Record<string, unknown>)[entries[i]]);
        depths.push(depth + 1);
        keys.push(entries[i]);
      }
    }
  }
}
