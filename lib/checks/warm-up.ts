/**
 * A tiny file of our own that a spare check Worker checks while it waits: every check runs in a fresh Worker
 * (platform/isolated-check.ts), and without this the official's file would pay for compiling the check code
 * (≈ 100 ms for a 200-licence ЕРУЛ result, against ≈ 10 ms warm). Two licences of a made-up ЕРУЛ result.
 */
export const WARM_UP_FILE = {
  name: 'warm-up.json',
  text: '[\n{"old_number": "Л003-00119-76/001000", "error": ""},\n{"new_number": "Л003-00119-76/00388800"},\n{"old_number": "Л023-00119-44/001001", "error": ""},\n{"new_number": "Л023-00119-44/00388801"}\n]\n',
};
