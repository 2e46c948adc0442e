/**
 * Safe, DOM-free XML reading (the service worker has no DOMParser).
 *
 * Parser choice: `saxes` 6. It is a small, well-kept, dependency-free streaming (SAX) parser written for
 * conformance: it checks well-formedness and namespaces (every element comes with its local name and
 * namespace URI, so callers never depend on a prefix), reports line/column, and never expands entities
 * declared in a DTD nor fetches anything external: the internal subset is skipped and only the five
 * predefined entities and character references are decoded. On top of that we refuse any DOCTYPE or entity
 * declaration outright (XXE, "billion laughs"): portal files never carry one. Streaming means a 60 MB
 * protocol is read without building a tree.
 *
 * Text comes in already decoded: use `decodeXml(bytes)` (via `decodeText`, which honours a windows-1251
 * encoding declared in the prolog, BOMs and UTF-16).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { FormatError } from './errors';
import { decodeText, type DecodedText } from './text';

export interface XmlOpenTag {
  /** Local name, never the prefix. */
  local: string;
  /** Namespace URI ('' when none). */
  uri: string;
  /** Attributes by local name (namespace declarations left out). */
  attrs: Record<string, string>;
  /** 1-based line of the end of the start tag. */
  line: number;
  selfClosing: boolean;
}

export interface XmlHandlers {
  /**
   * An element starts. Return true to receive its character data in `close` (only when it turns out to be a
   * leaf: no child element between its start and end). Text nobody asked for is never built.
   */
  open?(tag: XmlOpenTag): boolean | void;
  /** An element ends; `text` is its character data when `open` asked for it and it is a leaf, '' otherwise. */
  close?(local: string, uri: string, text: string): void;
  /**
   * Every piece of character data (text and CDATA), possibly in several pieces for one element. Costly on big
   * files (every run of whitespace is built as a string): prefer asking for leaf text in `open`.
   */
  text?(text: string): void;
}

/** Throw this from a handler to stop reading early (detection). */
export class XmlStop extends Error {
  constructor() {
    super('stop');
    this.name = 'XmlStop';
  }
}

export interface XmlParseOptions {
  /**
   * Also emit `open` attributes; default true. With false, `open` gets one reused object: copy what you
   * need during the call, do not keep the object.
   */
  attributes?: boolean;
}

/** Bytes → text, honouring BOMs and an encoding declared in the prolog (windows-1251). */
export function decodeXml(bytes: Uint8Array): DecodedText {
  return decodeText(bytes);
}

const DOCTYPE_HINT = 'Файлы порталов такой декларации не содержат, а в чужих файлах она может быть опасна (внешние ссылки, «взрыв» сущностей), поэтому файл не читается. Скачайте протокол заново из кабинета.';

/** Russian text for saxes' messages (by their fixed beginnings). */
function russian(message: string): string {
  const m = /^(?:\d+:\d+: )?(.*)$/s.exec(message);
  const msg = m ? m[1] : message;
  if (msg.startsWith('unclosed tag')) {
    const name = msg.slice('unclosed tag: '.length);
    return `XML обрывается: элемент «${name}» не закрыт. Похоже, файл скачан не полностью — скачайте его заново.`;
  }
  if (msg.startsWith('unexpected end')) return 'XML обрывается на середине: файл скачан не полностью. Скачайте его заново.';
  if (msg.startsWith('document must contain a root element')) return 'В файле нет ни одного элемента XML: это пустой или не тот файл.';
  if (msg.startsWith('unmatched closing tag') || msg.startsWith('unexpected close tag')) {
    return `Закрывающий тег не соответствует открытому (${msg.replace(/^[^:]*:?\s*/, '').replace(/\.$/, '') || 'тег'}): XML повреждён.`;
  }
  if (msg.startsWith('undefined entity') || msg.startsWith('disallowed character in entity')) {
    return 'В XML встречается ссылка на неизвестную сущность (&…;). Такие ссылки не раскрываются: файл повреждён или это не файл портала.';
  }
  if (msg.startsWith('text data outside of root node') || msg.startsWith('documents may contain only one root')) {
    return 'После конца документа XML идут лишние данные: файл склеен из нескольких или повреждён.';
  }
  if (msg.startsWith('unbound namespace prefix')) return `В XML используется префикс пространства имён без объявления (${msg.slice(msg.indexOf(':') + 1).trim()}): файл повреждён.`;
  if (msg.startsWith('inappropriately located doctype')) return `В файле есть декларация DOCTYPE. ${DOCTYPE_HINT}`;
  if (msg.startsWith('disallowed character')) return 'В XML встречается недопустимый символ: файл повреждён или сохранён в другой кодировке.';
  return `XML записан с ошибкой (${msg.replace(/\.$/, '')}): файл повреждён или это не XML.`;
}

function where(line: number, column: number): string {
  return `строка ${line}, столбец ${column}`;
}

/** Longest leaf text kept for `close` (characters): ЕГИССО leaves are under 1000; the rest is cut off. */
export const MAX_LEAF_TEXT = 64 * 1024;

/**
 * A copy of `s` that does not point into the piece of text it was cut from. Leaf text given by the reader is
 * a slice of the piece being parsed: a slice kept in a result would keep the whole 1 MB piece alive, and
 * with it, over a long file, all of them. Readers pass what they keep through this (only what they keep:
 * copying every leaf costs more than the parse of it).
 */
export function detachText(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Characters held back before the first write, so that the prolog check sees the whole prolog. */
const PROLOG_WINDOW = 64 * 1024;

type Parser = SaxesParser<{ xmlns: true; position: true }>;
/** saxes' current-text handler: set only while someone wants the text (private in its typings). */
type TextSlot = { textHandler?: (text: string) => void };

/**
 * A push XML reader: `write` decoded text in pieces of any size, then `close`. Each reader builds its saxes
 * parser with the same handlers in the same order, so every parser in the process has one hidden class and
 * saxes' hot loop stays monomorphic; character data is built only for the leaves a handler asks for (on a
 * 60 MB protocol, building every run of whitespace cost more than the parse itself).
 */
export class XmlReader {
  private readonly parser: Parser;
  private pending = '';
  private started = false;
  private stopped = false;
  private capturing = false;
  private leafText = '';
  private readonly fullText: ((text: string) => void) | undefined;
  private readonly collect: (text: string) => void;

  constructor(handlers: XmlHandlers, opts: XmlParseOptions = {}) {
    const parser: Parser = new SaxesParser({ xmlns: true, position: true });
    this.parser = parser;
    const withAttrs = opts.attributes !== false;
    const { open, close, text } = handlers;
    this.fullText = text;
    const collect = (t: string): void => {
      if (this.capturing && this.leafText.length < MAX_LEAF_TEXT) this.leafText += t;
    };
    this.collect = text ? (t: string) => (text(t), collect(t)) : collect;
    parser.on('error', (err) => {
      throw new FormatError('xml-syntax', russian(err.message), where(parser.line, parser.column + 1));
    });
    parser.on('doctype', () => {
      throw new FormatError('xml-doctype', `В файле есть декларация DOCTYPE. ${DOCTYPE_HINT}`, where(parser.line, parser.column + 1));
    });
    let depth = 0;
    const reused: XmlOpenTag = { local: '', uri: '', attrs: EMPTY, line: 0, selfClosing: false };
    parser.on('opentag', (tag: SaxesTagNS) => {
      if (depth >= MAX_XML_DEPTH) {
        throw new FormatError(
          'xml-too-deep',
          `XML вложен слишком глубоко (больше ${MAX_XML_DEPTH} уровней): файлы порталов так не устроены. Похоже, это повреждённый или не тот файл — скачайте его заново.`,
          where(parser.line, parser.column + 1),
        );
      }
      depth++;
      let wants = false;
      if (open) {
        let t: XmlOpenTag;
        if (withAttrs) {
          const attrs: Record<string, string> = {};
          for (const key in tag.attributes) {
            const a = tag.attributes[key];
            if (a.prefix === 'xmlns' || (a.prefix === '' && a.local === 'xmlns')) continue;
            attrs[a.local] = a.value;
          }
          t = { local: tag.local, uri: tag.uri, attrs, line: parser.line, selfClosing: tag.isSelfClosing };
        } else {
          // one reused tag object (valid only during the call): a million-element protocol allocates no wrappers
          t = reused;
          t.local = tag.local;
          t.uri = tag.uri;
          t.line = parser.line;
          t.selfClosing = tag.isSelfClosing;
        }
        wants = open(t) === true;
      }
      this.capturing = wants;
      this.leafText = '';
      if (!this.fullText) (parser as unknown as TextSlot).textHandler = wants ? this.collect : undefined;
    });
    parser.on('closetag', (tag: SaxesTagNS) => {
      depth--;
      const leaf = this.capturing ? this.leafText : '';
      this.capturing = false;
      this.leafText = '';
      if (!this.fullText) (parser as unknown as TextSlot).textHandler = undefined;
      close?.(tag.local, tag.uri, leaf);
    });
    parser.on('cdata', (t: string) => this.collect(t));
    if (this.fullText) parser.on('text', this.collect);
    else parser.off('text');
  }

  /** Feeds the next piece of text. False once a handler stopped the reading (XmlStop): stop feeding. */
  write(chunk: string): boolean {
    if (this.stopped) return false;
    if (!this.started) {
      this.pending += chunk;
      if (this.pending.length < PROLOG_WINDOW) return true;
      return this.start();
    }
    return this.feed(chunk);
  }

  /**
   * Ends the document: true when it was read to the end, false when a handler stopped it. Throws FormatError
   * (Russian, with line/column) on any well-formedness error, a DOCTYPE or an entity declaration.
   */
  close(): boolean {
    if (this.stopped) return false;
    if (!this.started && !this.start()) return false;
    return this.unlessStopped(() => this.parser.close());
  }

  private start(): boolean {
    this.started = true;
    let body = this.pending;
    this.pending = '';
    if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
    // Whitespace before the prolog is a common harmless defect of exported files: tolerate it.
    if (/^\s+<\?xml/.test(body.slice(0, 256))) body = body.replace(/^\s+/, '');
    refuseDoctype(body);
    return this.feed(body);
  }

  private feed(chunk: string): boolean {
    return this.unlessStopped(() => this.parser.write(chunk));
  }

  /** Runs a parser step; false once a reader stopped the reading (XmlStop), any other error goes on up. */
  private unlessStopped(step: () => unknown): boolean {
    try {
      step();
    } catch (err) {
      if (err instanceof XmlStop) {
        this.stopped = true;
        return false;
      }
      throw err;
    }
    return true;
  }
}

/**
 * Streams `text` through saxes with namespaces on. Returns false when a handler stopped it (XmlStop),
 * true when the document was read to the end. Throws FormatError (Russian, with line/column) on any
 * well-formedness error, a DOCTYPE or an entity declaration.
 */
export function parseXml(text: string, handlers: XmlHandlers, opts: XmlParseOptions = {}): boolean {
  const reader = new XmlReader(handlers, opts);
  return reader.write(text) && reader.close();
}

const EMPTY: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Deepest element nesting read (ЕГИССО files nest fewer than 20 levels). */
export const MAX_XML_DEPTH = 64;

/**
 * A DOCTYPE (and with it any <!ENTITY>) is refused before parsing: saxes would not expand it, but a file
 * that carries one is not a portal file, and we say so plainly.
 */
function refuseDoctype(text: string): void {
  // The prolog ends where the first element starts; only look there (and cap the scan for huge files).
  const limit = Math.min(text.length, 64 * 1024);
  const head = text.slice(0, limit);
  const at = head.search(/<!DOCTYPE|<!ENTITY/i);
  if (at < 0) return;
  const firstElement = head.search(/<[A-Za-z_]/);
  if (firstElement >= 0 && firstElement < at) return; // inside the document: saxes reports it
  const before = head.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const entity = /<!ENTITY/i.test(head);
  const external = /<!ENTITY[^>]*\s(SYSTEM|PUBLIC)\s/i.test(head);
  throw new FormatError(
    'xml-doctype',
    external
      ? `В файле объявлена внешняя сущность XML (<!ENTITY … SYSTEM …>) — ссылка на чужой файл или адрес. Она не открывается и не раскрывается. ${DOCTYPE_HINT}`
      : entity
        ? `В файле объявлены сущности XML (<!ENTITY …>). Они не раскрываются: так устроена атака «billion laughs» («взрыв» сущностей). ${DOCTYPE_HINT}`
        : `В файле есть декларация DOCTYPE. ${DOCTYPE_HINT}`,
    where(line, column),
  );
}

/** An element of a small XML document read whole (configuration-size files, fixtures, detection). */
export interface XmlElement {
  local: string;
  uri: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
  line: number;
}

/** Reads a whole document into a light tree. Refuses documents with more than `maxElements` elements. */
export function parseXmlTree(text: string, maxElements = 200_000): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let count = 0;
  parseXml(text, {
    open(tag) {
      if (++count > maxElements) {
        throw new FormatError('xml-too-large', `В документе XML больше ${maxElements.toLocaleString('ru-RU')} элементов: для этой проверки он слишком велик.`);
      }
      const el: XmlElement = { local: tag.local, uri: tag.uri, attrs: tag.attrs, children: [], text: '', line: tag.line };
      if (stack.length) stack[stack.length - 1].children.push(el);
      else root = el;
      stack.push(el);
    },
    close() {
      stack.pop();
    },
    text(t) {
      if (stack.length) stack[stack.length - 1].text += t;
    },
  });
  if (!root) throw new FormatError('xml-syntax', 'В файле нет ни одного элемента XML: это пустой или не тот файл.');
  return root;
}

/** The first element (root) of a document: local name and namespace; reading stops right there. */
export function xmlRootName(text: string): { local: string; uri: string } | null {
  let found: { local: string; uri: string } | null = null;
  parseXml(
    text,
    {
      open(tag) {
        found = { local: tag.local, uri: tag.uri };
        throw new XmlStop();
      },
    },
    { attributes: false },
  );
  return found;
}

/** Children of `el` with this local name (any namespace, or only `uriPrefix…` when given). */
export function childrenNamed(el: XmlElement, local: string, uriPrefix?: string): XmlElement[] {
  return el.children.filter((c) => c.local === local && (uriPrefix === undefined || c.uri.startsWith(uriPrefix)));
}
