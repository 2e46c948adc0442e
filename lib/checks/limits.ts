/** Size limits shared by the checks and by the page side that refuses big files before reading them. */

/** Files above this are refused before a single byte is read. */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;

/**
 * Files up to this size are read into memory in one go by the check Worker: in Chromium a Blob read is
 * served on the reading thread, so reads made while the check computes never overlap with it (a 25 MB
 * archive: 1.7 s read in windows against 0.15 s read whole + 0.9 s checked). Larger files are read in windows.
 */
export const READ_WHOLE_BYTES = 40 * 1024 * 1024;
