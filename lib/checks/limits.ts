/** Size limits shared by the checks and by the page side that refuses big files before reading them. */

/** Files above this are refused before a single byte is read. */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;
