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
  open?(tag: XmlOpenTag): void;
  close?(local: string, uri: string): void;
  /** Character data (text and CDATA), possibly in several pieces for one element. */
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

/**
 * Streams `text` through saxes with namespaces on. Returns false when a handler stopped it (XmlStop),
 * true when the document was read to the end. Throws FormatError (Russian, with line/column) on any
 * well-formedness error, a DOCTYPE or an entity declaration.
 */
export function parseXml(text: string, handlers: XmlHandlers, opts: XmlParseOptions = {}): boolean {
  const withAttrs = opts.attributes !== false;
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
  // Whitespace before the prolog is a common harmless defect of exported files: tolerate it.
  if (/^\s+<\?xml/.test(body.slice(0, 256))) body = body.replace(/^\s+/, '');
  refuseDoctype(body);

  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('error', (err) => {
    throw new FormatError('xml-syntax', russian(err.message), where(parser.line, parser.column + 1));
  });
  parser.on('doctype', () => {
    throw new FormatError('xml-doctype', `В файле есть декларация DOCTYPE. ${DOCTYPE_HINT}`, where(parser.line, parser.column + 1));
  });
  const scope = new NamespaceScope(parser);
  const { open, close, text: onText } = handlers;
  parser.on('opentagstart', (tag) => {
    if (scope.depth >= MAX_XML_DEPTH) {
      throw new FormatError(
        'xml-too-deep',
        `XML вложен слишком глубоко (больше ${MAX_XML_DEPTH} уровней): файлы порталов так не устроены. Похоже, это повреждённый или не тот файл — скачайте его заново.`,
        where(parser.line, parser.column + 1),
      );
    }
    scope.starting(tag as SaxesTagNS);
  });
  let onOpen: ((tag: SaxesTagNS) => void) | undefined;
  if (open && withAttrs) {
    onOpen = (tag) => {
      const attrs: Record<string, string> = {};
      for (const key in tag.attributes) {
        const a = tag.attributes[key];
        if (a.prefix === 'xmlns' || (a.prefix === '' && a.local === 'xmlns')) continue;
        attrs[a.local] = a.value;
      }
      open({ local: tag.local, uri: tag.uri, attrs, line: parser.line, selfClosing: tag.isSelfClosing });
    };
  } else if (open) {
    // Streaming without attributes: one reused tag object (valid only during the call) keeps a
    // million-element protocol from allocating a million wrappers.
    const reused: XmlOpenTag = { local: '', uri: '', attrs: EMPTY, line: 0, selfClosing: false };
    onOpen = (tag) => {
      reused.local = tag.local;
      reused.uri = tag.uri;
      reused.line = parser.line;
      reused.selfClosing = tag.isSelfClosing;
      open(reused);
    };
  }
  parser.on('opentag', (tag: SaxesTagNS) => {
    scope.opened(tag);
    onOpen?.(tag);
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    scope.closed(tag);
    close?.(tag.local, tag.uri);
  });
  if (onText) {
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  try {
    parser.write(body);
    parser.close();
  } catch (err) {
    if (err instanceof XmlStop) return false;
    throw err;
  }
  return true;
}

const EMPTY: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Deepest element nesting read (ЕГИССО files nest fewer than 20 levels). */
export const MAX_XML_DEPTH = 64;

const BUILT_IN_PREFIXES: Record<string, string> = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
};

/**
 * Namespace bindings as a stack per prefix, so resolving a prefix costs O(1) whatever the depth: saxes'
 * own resolve walks every open tag for an unbound prefix (the default "" of plain XML), which made deep
 * nesting quadratic. Replaces the parser's resolve; keeps the element depth too.
 */
class NamespaceScope {
  depth = 0;
  private readonly bindings = new Map<string, string[]>();
  private current: SaxesTagNS | null = null;

  constructor(parser: SaxesParser<{ xmlns: true; position: true }>) {
    parser.resolve = (prefix: string) => this.resolve(prefix);
  }

  /** The tag whose attributes are being read: its own declarations win. */
  starting(tag: SaxesTagNS): void {
    this.current = tag;
  }

  opened(tag: SaxesTagNS): void {
    this.depth++;
    const ns = tag.ns;
    if (ns) for (const prefix in ns) this.stackOf(prefix).push(ns[prefix]);
    this.current = null;
  }

  closed(tag: SaxesTagNS): void {
    this.depth--;
    const ns = tag.ns;
    if (ns) for (const prefix in ns) this.bindings.get(prefix)?.pop();
  }

  private stackOf(prefix: string): string[] {
    let s = this.bindings.get(prefix);
    if (!s) this.bindings.set(prefix, (s = []));
    return s;
  }

  private resolve(prefix: string): string | undefined {
    const own = this.current?.ns?.[prefix];
    if (own !== undefined) return own;
    const s = this.bindings.get(prefix);
    if (s && s.length) return s[s.length - 1];
    return BUILT_IN_PREFIXES[prefix];
  }
}

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
