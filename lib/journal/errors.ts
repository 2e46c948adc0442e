/**
 * Journal write failures the official must understand. IndexedDB runs out of space with a
 * QuotaExceededError (Dexie may wrap it in an AbortError's `inner`); the transaction is rolled back, so
 * nothing stored before is lost — the message says so and what to do.
 */
export const QUOTA_MESSAGE =
  'Место для журнала проверок в браузере закончилось, поэтому эта проверка не сохранена. Всё, что было в журнале раньше, цело. ' +
  'Удалите старые проверки (журнал проверок → «Удалить») или уменьшите срок хранения в настройках, затем проверьте файл ещё раз.';

export class JournalQuotaError extends Error {
  override readonly name = 'JournalQuotaError';
  constructor(readonly original?: unknown) {
    super(QUOTA_MESSAGE);
  }
}

/** True for QuotaExceededError however deep Dexie or the browser wrapped it. */
export function isQuotaError(err: unknown): boolean {
  let cur: unknown = err;
  for (let depth = 0; cur && depth < 5; depth++) {
    const e = cur as { name?: unknown; inner?: unknown; cause?: unknown; code?: unknown };
    if (e.name === 'QuotaExceededError' || e.name === 'JournalQuotaError' || e.code === 22) return true;
    cur = e.inner ?? e.cause;
  }
  return false;
}

/** Runs a journal write; a quota failure becomes a JournalQuotaError with a Russian message. */
export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof JournalQuotaError) throw err;
    if (isQuotaError(err)) throw new JournalQuotaError(err);
    throw err;
  }
}
