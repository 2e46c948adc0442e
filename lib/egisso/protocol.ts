/**
 * Streaming reader of an ЕГИССО processing protocol («файл протокола обработки»):
 *
 *   protocol (urn://egisso-ru/types/package-protocol/x.y.z)
 *     packageResult
 *       packageID, packageType, packageStatus (1 принят, 2 обрабатывается, 3 обработан),
 *       receivingTime, startProcessTime, finishProcessTime, recordNum, recordNumSuccess  (package-result/x.y.z)
 *       errorRecords
 *         recordResult (record-result/x.y.z)
 *           recID + recordError{ruleCode, report}                                 — record-result 1.0.3 form
 *           recID + recordOK + messages{messageType 1|2, ruleCode, report}*        — record-result 1.0.4 form
 *
 *   protocol
 *     messageResult                                                             — the whole message rejected
 *       receivingTime, processingTime, errors{error+{code?, message, time?}}
 *
 * Every published version is read: ids spelled packageID/recID (1.0.2–1.0.5) or packageId/recId (1.0.0, 2.x),
 * times with or without milliseconds. A 10.10.I 1.0.4 `response` holds only `attachment` (the protocol is in
 * the СМЭВ file storage): that is said, not guessed.
 *
 * Elements are matched by local name and namespace, never by prefix. The protocol may sit inside a СМЭВ
 * envelope (response, MessagePrimaryContent…): it is found at any depth. Memory stays bounded: counts are
 * kept for every record, but only records with messages are stored, up to `maxStoredRecords`.
 */
import { XmlReader, XmlStop, detachText } from '../formats/xml';
import type { TextSink } from '../formats/text';
import { normaliseRuleCode } from './rule-codes';

export const PROTOCOL_NS = 'urn://egisso-ru/types/package-protocol/';
export const PACKAGE_RESULT_NS = 'urn://egisso-ru/types/package-result/';
export const RECORD_RESULT_NS = 'urn://egisso-ru/types/record-result/';
export const EGISSO_NS = 'urn://egisso-ru/';

export type MessageKind = 'error' | 'warning' | 'other';

export interface ProtocolMessage {
  kind: MessageKind;
  /** messageType as written (1, 2, …); null for the recordError form and when absent. */
  type: number | null;
  code: string;
  report: string;
}

export interface ProtocolRecord {
  /** 1-based position among the recordResult elements. */
  index: number;
  recID: string;
  /** recordOK as written; null when absent (recordError form). */
  recordOK: boolean | null;
  failed: boolean;
  messages: ProtocolMessage[];
  line: number;
}

export interface CodeStats {
  code: string;
  errors: number;
  warnings: number;
  other: number;
  /** Records carrying this code. */
  records: number;
  /** Up to 3 distinct report texts. */
  reports: string[];
  /** Up to 5 record ids. */
  recIDs: string[];
}

export interface ProtocolPackage {
  packageID: string;
  packageType: string;
  /** Number as written, null when absent or not a number. */
  packageStatus: number | null;
  packageStatusText: string;
  receivingTime: string;
  startProcessTime: string;
  finishProcessTime: string;
  recordNum: number | null;
  recordNumSuccess: number | null;
}

/** One `error` of a messageResult. */
export interface MessageError {
  code: string;
  message: string;
  time: string;
}

/** A whole-message rejection: no record was processed. */
export interface MessageResult {
  receivingTime: string;
  processingTime: string;
  /** Number of `error` elements (all of them). */
  errorCount: number;
  /** Up to 1000 errors kept for the report. */
  errors: MessageError[];
}

export interface ParsedProtocol {
  found: boolean;
  /** The root element when the protocol sits inside a СМЭВ response (10.05.I, 10.10.I…); '' otherwise. */
  wrapper: { local: string; uri: string };
  /** ЕГИССО message the protocol answers (10.05.I, 10.06.S…), from the wrapper or the package type; '' if unknown. */
  message: string;
  /** A 10.10.I 1.0.4 response with only `attachment`: the protocol is in the СМЭВ file storage. */
  attachmentOnly: boolean;
  messageResult: MessageResult | null;
  pkg: ProtocolPackage;
  /** Namespace URIs of the protocol parts as written (versions). */
  namespaces: { protocol: string; packageResult: string; recordResult: string };
  recordResults: number;
  failedRecords: number;
  /** Records that failed without any message explaining why. */
  failedWithoutMessage: number;
  errors: number;
  warnings: number;
  otherMessages: number;
  byCode: Record<string, number>;
  codes: Map<string, CodeStats>;
  forms: { recordError: number; messages: number };
  records: ProtocolRecord[];
  recordsTruncated: boolean;
  /** More than one packageResult: only the first is counted. */
  extraPackageResults: number;
}

export interface ReadProtocolOptions {
  maxStoredRecords?: number;
}

const PACKAGE_FIELDS = new Set([
  'packageID',
  'packageId',
  'packageType',
  'packageStatus',
  'receivingTime',
  'startProcessTime',
  'finishProcessTime',
  'recordNum',
  'recordNumSuccess',
]);

const MESSAGE_FIELDS = new Set(['messageType', 'ruleCode', 'report']);

function emptyPackage(): ProtocolPackage {
  return {
    packageID: '',
    packageType: '',
    packageStatus: null,
    packageStatusText: '',
    receivingTime: '',
    startProcessTime: '',
    finishProcessTime: '',
    recordNum: null,
    recordNumSuccess: null,
  };
}

function intOrNull(s: string): number | null {
  const t = s.trim();
  return /^\d{1,15}$/.test(t) ? Number(t) : null;
}

/** Is this the protocol element? Namespaced in package-protocol/*, or (hand-made files) with no namespace. */
function isProtocol(local: string, uri: string): boolean {
  return local === 'protocol' && (uri.startsWith(PROTOCOL_NS) || uri === '');
}

const MSG_NS_RE = /^urn:\/\/egisso-ru\/msg\/([\w.]+)\/([\d.]+)$/;

/** 10.10.I response (information about data in the СМЭВ storage). */
function is1010Response(local: string, uri: string): boolean {
  return local === 'response' && uri.startsWith('urn://egisso-ru/msg/10.10.I/');
}

/** Which ЕГИССО message a protocol answers: a 10.05.I wrapper says it; otherwise the package type does. */
export function protocolMessage(wrapperUri: string, packageType: string): string {
  const m = MSG_NS_RE.exec(wrapperUri);
  if (m && m[1] !== '10.10.I') return m[1];
  const t = packageType.toLowerCase();
  if (/лмсз|локальн/.test(t)) return '10.05.I';
  if (/факт/.test(t)) return '10.06.S';
  if (/прожиточн/.test(t)) return '10.22.I';
  if (/присутств/.test(t)) return '10.15.I';
  return '';
}

/**
 * «01.03.2024 10:00:05» for an ЕГИССО time (xs:dateTime with or without milliseconds and offset), as
 * written — no conversion between zones. Anything else is returned trimmed.
 */
export function egissoTime(value: string): string {
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(v);
  if (!m) return v;
  return `${m[3]}.${m[2]}.${m[1]} ${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''}`;
}

/**
 * Reads a protocol. `found` is false when the document holds no protocol/packageResult (e.g. a data package):
 * the caller decides what to say. Throws FormatError for malformed XML, DOCTYPE and entity declarations.
 */
export function readProtocol(text: string, opts: ReadProtocolOptions = {}): ParsedProtocol {
  const reader = protocolReader(opts);
  reader.write(text);
  return reader.end();
}

/** Characters of the document's start kept for describing a non-protocol ЕГИССО file. */
const HEAD_KEPT = 8192;

/** The protocol reader fed piece by piece (streaming from the file); `end` gives the protocol. */
export function protocolReader(opts: ReadProtocolOptions = {}): TextSink<ParsedProtocol> & { head(): string } {
  const maxStored = opts.maxStoredRecords ?? 50_000;
  const out: ParsedProtocol = {
    found: false,
    wrapper: { local: '', uri: '' },
    message: '',
    attachmentOnly: false,
    messageResult: null,
    pkg: emptyPackage(),
    namespaces: { protocol: '', packageResult: '', recordResult: '' },
    recordResults: 0,
    failedRecords: 0,
    failedWithoutMessage: 0,
    errors: 0,
    warnings: 0,
    otherMessages: 0,
    byCode: {},
    codes: new Map(),
    forms: { recordError: 0, messages: 0 },
    records: [],
    recordsTruncated: false,
    extraPackageResults: 0,
  };

  let depth = 0;
  let protocolDepth = -1;
  let resultDepth = -1; // depth of the packageResult being read
  let doneResult = false;
  let recordDepth = -1;
  let messageDepth = -1;
  let messageIsRecordError = false;
  // messageResult: depth of it and of the error being read
  let mrDepth = -1;
  let mrErrorDepth = -1;
  let mrError: MessageError = { code: '', message: '', time: '' };
  let rootIs1010 = false;
  let sawAttachment = false;

  // text capture of one leaf element
  let captureDepth = -1;
  let captureName = '';

  // the record being read
  let recID = '';
  let recordOK: boolean | null = null;
  let recordLine = 0;
  let messages: ProtocolMessage[] = [];
  let msgType = '';
  let msgCode = '';
  let msgReport = '';

  const pkg = out.pkg;

  function finishMessage(): void {
    let kind: MessageKind;
    let type: number | null = null;
    if (messageIsRecordError) {
      kind = 'error';
      out.forms.recordError++;
    } else {
      out.forms.messages++;
      type = intOrNull(msgType);
      if (type === 1) kind = 'error';
      else if (type === 2) kind = 'warning';
      else if (type === null && msgType.trim() === '') kind = recordOK === true ? 'warning' : 'error';
      else kind = 'other';
    }
    const code = normaliseRuleCode(msgCode);
    const report = msgReport.trim();
    messages.push({ kind, type, code, report });
    if (kind === 'error') out.errors++;
    else if (kind === 'warning') out.warnings++;
    else out.otherMessages++;
    out.byCode[code] = (out.byCode[code] ?? 0) + 1;
    let st = out.codes.get(code);
    if (!st) {
      st = { code, errors: 0, warnings: 0, other: 0, records: 0, reports: [], recIDs: [] };
      out.codes.set(code, st);
    }
    if (kind === 'error') st.errors++;
    else if (kind === 'warning') st.warnings++;
    else st.other++;
    if (report && st.reports.length < 3 && !st.reports.includes(report)) st.reports.push(detachText(report));
  }

  function finishRecord(): void {
    out.recordResults++;
    const hasError = messages.some((m) => m.kind === 'error');
    const failed = recordOK === false || (recordOK === null && hasError);
    if (failed) {
      out.failedRecords++;
      if (messages.length === 0) out.failedWithoutMessage++;
    }
    const id = detachText(recID.trim());
    for (let i = 0; i < messages.length; i++) {
      const code = messages[i].code;
      let again = false;
      for (let j = 0; j < i && !again; j++) again = messages[j].code === code;
      if (again) continue;
      const st = out.codes.get(code);
      if (st) {
        st.records++;
        if (st.recIDs.length < 5 && id) st.recIDs.push(id);
      }
    }
    if (failed || messages.length) {
      if (out.records.length < maxStored) {
        for (const m of messages) m.report = detachText(m.report);
        out.records.push({ index: out.recordResults, recID: id, recordOK, failed, messages, line: recordLine });
      } else out.recordsTruncated = true;
    }
  }

  let head = '';
  const xml = new XmlReader(
    {
      open(tag) {
        depth++;
        const { local, uri } = tag;
        if (depth === 1 && !isProtocol(local, uri)) {
          out.wrapper = { local, uri };
          rootIs1010 = is1010Response(local, uri);
        }
        if (protocolDepth < 0) {
          if (isProtocol(local, uri)) {
            protocolDepth = depth;
            out.namespaces.protocol = uri;
          } else if (rootIs1010 && depth === 2 && local === 'attachment') sawAttachment = true;
          return;
        }
        if (mrDepth >= 0) {
          if (depth === mrDepth + 1 && (local === 'receivingTime' || local === 'processingTime')) {
            captureDepth = depth;
            captureName = `mr:${local}`;
            return true;
          } else if (local === 'error' && mrErrorDepth < 0) {
            mrErrorDepth = depth;
            mrError = { code: '', message: '', time: '' };
          } else if (mrErrorDepth >= 0 && depth === mrErrorDepth + 1 && (local === 'code' || local === 'message' || local === 'time')) {
            captureDepth = depth;
            captureName = `mr:${local}`;
            return true;
          }
          return;
        }
        if (resultDepth < 0) {
          if (local === 'messageResult' && depth === protocolDepth + 1 && !doneResult && !out.messageResult) {
            mrDepth = depth;
            out.found = true;
            out.messageResult = { receivingTime: '', processingTime: '', errorCount: 0, errors: [] };
            return;
          }
          if (local === 'packageResult') {
            if (doneResult) {
              out.extraPackageResults++;
              return;
            }
            resultDepth = depth;
            out.found = true;
          }
          return;
        }
        if (depth === resultDepth + 1 && PACKAGE_FIELDS.has(local)) {
          captureDepth = depth;
          captureName = local;
          if (!out.namespaces.packageResult) out.namespaces.packageResult = uri;
          return true;
        }
        if (local === 'recordResult' && recordDepth < 0) {
          recordDepth = depth;
          recID = '';
          recordOK = null;
          recordLine = tag.line;
          messages = [];
          if (!out.namespaces.recordResult) out.namespaces.recordResult = uri;
          return;
        }
        if (recordDepth < 0) return;
        if (messageDepth < 0) {
          if (depth !== recordDepth + 1) return;
          if (local === 'recID' || local === 'recId' || local === 'recordOK') {
            captureDepth = depth;
            captureName = local;
            return true;
          } else if (local === 'messages' || local === 'recordError') {
            messageDepth = depth;
            messageIsRecordError = local === 'recordError';
            msgType = '';
            msgCode = '';
            msgReport = '';
          }
          return;
        }
        if (depth === messageDepth + 1 && MESSAGE_FIELDS.has(local)) {
          captureDepth = depth;
          captureName = local;
          return true;
        }
      },
      close(_local, _uri, v) {
        if (depth === captureDepth) {
          captureDepth = -1;
          switch (captureName) {
            case 'packageID':
            case 'packageId':
              pkg.packageID = detachText(v.trim());
              break;
            case 'mr:receivingTime':
              out.messageResult!.receivingTime = detachText(v.trim());
              break;
            case 'mr:processingTime':
              out.messageResult!.processingTime = detachText(v.trim());
              break;
            case 'mr:code':
              mrError.code = detachText(v.trim());
              break;
            case 'mr:message':
              mrError.message = detachText(v.trim());
              break;
            case 'mr:time':
              mrError.time = detachText(v.trim());
              break;
            case 'packageType':
              pkg.packageType = detachText(v.trim());
              break;
            case 'packageStatus':
              pkg.packageStatusText = detachText(v.trim());
              pkg.packageStatus = intOrNull(v);
              break;
            case 'receivingTime':
              pkg.receivingTime = detachText(v.trim());
              break;
            case 'startProcessTime':
              pkg.startProcessTime = detachText(v.trim());
              break;
            case 'finishProcessTime':
              pkg.finishProcessTime = detachText(v.trim());
              break;
            case 'recordNum':
              pkg.recordNum = intOrNull(v);
              break;
            case 'recordNumSuccess':
              pkg.recordNumSuccess = intOrNull(v);
              break;
            case 'recID':
            case 'recId':
              recID = v;
              break;
            case 'recordOK': {
              const b = v.trim().toLowerCase();
              recordOK = b === 'true' || b === '1' ? true : b === 'false' || b === '0' ? false : null;
              break;
            }
            case 'messageType':
              msgType = v;
              break;
            case 'ruleCode':
              msgCode = v;
              break;
            case 'report':
              msgReport = v;
              break;
          }
        } else if (depth === mrErrorDepth) {
          mrErrorDepth = -1;
          const mr = out.messageResult!;
          mr.errorCount++;
          if (mr.errors.length < 1000) mr.errors.push(mrError);
        } else if (depth === mrDepth) {
          mrDepth = -1;
          doneResult = true;
        } else if (depth === messageDepth) {
          messageDepth = -1;
          finishMessage();
        } else if (depth === recordDepth) {
          recordDepth = -1;
          finishRecord();
        } else if (depth === resultDepth) {
          resultDepth = -1;
          doneResult = true;
        } else if (depth === protocolDepth) {
          protocolDepth = -1;
        }
        depth--;
      },
    },
    { attributes: false },
  );
  return {
    write(chunk) {
      if (head.length < HEAD_KEPT) head += chunk.slice(0, HEAD_KEPT - head.length);
      return xml.write(chunk);
    },
    end() {
      xml.close();
      if (!out.found && rootIs1010 && sawAttachment) out.attachmentOnly = true;
      out.message = protocolMessage(out.wrapper.uri, pkg.packageType);
      return out;
    },
    head: () => head,
  };
}

/**
 * Cheap detection: does the document contain a protocol element? Reads only until it is found (protocols
 * start with it; envelopes put it within the first kilobytes). A pre-check on the raw text keeps other
 * XML files from being parsed at all.
 */
export function looksLikeProtocol(text: string): ProtocolSeen {
  const sniffer = protocolSniffer();
  sniffer.write(text);
  return sniffer.end();
}

export type ProtocolSeen = 'yes' | 'no' | 'broken';

/** How far detection reads into a file (characters) before it decides that no protocol is there. */
export const SNIFF_WINDOW = 4 * 1024 * 1024;

const PROTOCOL_TAG_RE = /<([\w.-]+:)?protocol[\s>/]/;

/**
 * Detection fed piece by piece: 'yes' as soon as a protocol element (or a 10.10.I response root) opens,
 * 'broken' when the XML breaks before that in a file that names the protocol (so that the check can say what
 * is broken and where), 'no' otherwise. Reads at most SNIFF_WINDOW characters.
 */
export function protocolSniffer(): TextSink<ProtocolSeen> {
  let found = false;
  let broken = false;
  let depth = 0;
  let read = 0;
  let tail = '';
  let sawTag = false;
  let sawResult = false;
  let saw1010 = false;
  const xml = new XmlReader(
    {
      open(tag) {
        depth++;
        if (isProtocol(tag.local, tag.uri) || (depth === 1 && is1010Response(tag.local, tag.uri))) {
          found = true;
          throw new XmlStop();
        }
      },
    },
    { attributes: false },
  );
  const named = (): boolean => saw1010 || (sawTag && sawResult);
  return {
    write(chunk) {
      // the pre-check's words may straddle two pieces: look across the seam too
      for (const probe of [chunk, tail + chunk.slice(0, 64)]) {
        saw1010 ||= probe.includes('urn://egisso-ru/msg/10.10.I/');
        sawTag ||= PROTOCOL_TAG_RE.test(probe);
        sawResult ||= probe.includes('packageResult') || probe.includes('messageResult');
      }
      tail = chunk.slice(-64);
      read += chunk.length;
      if (!broken) {
        try {
          if (!xml.write(chunk)) return false;
        } catch {
          broken = true;
        }
      }
      return read < SNIFF_WINDOW;
    },
    end() {
      if (!found && !broken && read < SNIFF_WINDOW) {
        try {
          xml.close();
        } catch {
          broken = true;
        }
      }
      if (!named()) return 'no';
      return found ? 'yes' : broken ? 'broken' : 'no';
    },
  };
}

/** What an ЕГИССО XML that is not a protocol is, by its root namespace (urn://egisso-ru/msg/<code>/<ver>). */
export const EGISSO_MESSAGES: Readonly<Record<string, string>> = {
  '10.05.I': 'пакет сведений о локальных мерах социальной защиты (Реестр ЛМСЗ, формат 10.05.I)',
  '10.06.S': 'пакет данных о фактах назначения мер социальной защиты (формат 10.06.S)',
  '10.07.I': 'пакет сведений об организациях, предоставляющих меры социальной защиты (формат 10.07.I)',
  '10.22.I': 'пакет сведений о прожиточном минимуме (формат 10.22.I)',
};

/** Root-namespace hint for an ЕГИССО XML that is not a protocol; null when it is not ЕГИССО at all. */
export function describeEgissoXml(head: string): string | null {
  // root element after the prolog, comments and PIs
  const body = head.replace(/^\uFEFF?\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  const root = /^<(?:([\w.-]+):)?([\w.-]+)([^>]*)>/.exec(body);
  if (!root) return null;
  const prefix = root[1] ?? '';
  const attrs = root[3];
  const nsRe = prefix ? new RegExp(`xmlns:${prefix.replace(/[.-]/g, '\\$&')}\\s*=\\s*["']([^"']*)["']`) : /xmlns\s*=\s*["']([^"']*)["']/;
  const uri = nsRe.exec(attrs)?.[1] ?? '';
  const anyEgisso = uri.startsWith(EGISSO_NS) || /urn:\/\/egisso-ru\//.test(attrs);
  if (!anyEgisso) return null;
  const msg = /^urn:\/\/egisso-ru\/msg\/([\w.]+)\//.exec(uri);
  const what = msg ? EGISSO_MESSAGES[msg[1]] ?? `документ ЕГИССО формата ${msg[1]}` : 'документ ЕГИССО';
  return (
    `Это ${what}, а не протокол обработки. Такой файл отправляют в ЕГИССО; проверить здесь можно протокол, который ЕГИССО возвращает ` +
    'после обработки пакета (в ЕЦП.МИС — «Журнал запросов» → «Загрузить файл протокола обработки», в кабинете поставщика ЕГИССО — скачать протокол пакета).'
  );
}
