/** A file that cannot be read: a Russian message that says what and where, never a stack trace. */
export class FormatError extends Error {
  constructor(
    /** Stable kebab-case code, e.g. "unreadable", "json-syntax", "zip-damaged". */
    readonly code: string,
    /** Russian text for the official. */
    message: string,
    /** Where: "строка 5, столбец 3", "байт 1024", entry name… */
    readonly where?: string,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}
