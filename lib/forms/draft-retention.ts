/** Form drafts hold СНИЛС, phones and e-mails: they follow the journal's retention period. */
const DAY_MS = 24 * 60 * 60 * 1000;

export function isDraftExpired(savedAt: unknown, retentionDays: number, now = Date.now()): boolean {
  const at = typeof savedAt === 'string' ? Date.parse(savedAt) : NaN;
  return !Number.isFinite(at) || now - at > retentionDays * DAY_MS;
}

/** The drafts still within the period; null when none had to go. */
export function withoutExpiredDrafts<T extends { savedAt?: unknown }>(stored: Record<string, T | undefined>, retentionDays: number, now = Date.now()): Record<string, T> | null {
  const kept: Record<string, T> = {};
  let dropped = false;
  for (const [k, v] of Object.entries(stored)) {
    if (v && !isDraftExpired(v.savedAt, retentionDays, now)) kept[k] = v;
    else dropped = true;
  }
  return dropped ? kept : null;
}
