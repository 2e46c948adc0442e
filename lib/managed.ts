/**
 * Settings an organisation sets by browser policy (storage.managed: Chromium `3rdparty` policy checked against
 * public/managed_schema.json, Firefox `3rdparty` in policies.json). Managed values win over the official's own;
 * each one is named in `locked` so the options page shows it read-only with the reason.
 */
import { z } from './zod';
import { normaliseUserHost } from './portals';
import { ProfileSchema, UserHostSchema, type Profile, type Settings } from './settings';

/** Bad values from a policy are dropped one by one: a typo in one field must not cancel the others. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const ManagedSchema = z.object({
  organisation: lenient(z.object({
    orgName: lenient(z.string().max(500)),
    inn: lenient(z.string().max(12)),
    ogrn: lenient(z.string().max(15)),
    region: lenient(z.string().max(200)),
    contact: lenient(z.string().max(500)),
  })),
  userHosts: lenient(z.array(z.object({ portal: UserHostSchema.shape.portal, host: z.string().min(1).max(253) })).max(50)),
  autoCheck: lenient(z.record(z.string(), z.boolean())),
  retentionDays: lenient(z.number().int().min(1).max(3650)),
});
export type Managed = z.infer<typeof ManagedSchema>;

/** What the organisation fixed: profile fields, auto check per portal, retention; managed hosts by value. */
export interface Locked {
  profile: Set<keyof Profile>;
  autoCheck: Set<string>;
  retentionDays: boolean;
  userHosts: Set<string>;
}

/** True when both name the same fields as the organisation's. */
export function sameLocks(a: Locked, b: Locked): boolean {
  const set = (s: Set<string>) => [...s].sort().join('\n');
  return a.retentionDays === b.retentionDays && (['profile', 'autoCheck', 'userHosts'] as const).every((k) => set(a[k]) === set(b[k]));
}

export const NOTHING_LOCKED: Locked = { profile: new Set(), autoCheck: new Set(), retentionDays: false, userHosts: new Set() };

export function parseManaged(raw: unknown): Managed {
  const parsed = ManagedSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

const hostKey = (portal: string, host: string) => `${portal} ${host}`;

/** The settings in force: the official's own, with every managed value on top. */
export function applyManaged(local: Settings, raw: unknown): { settings: Settings; locked: Locked } {
  const managed = parseManaged(raw);
  const locked: Locked = { profile: new Set(), autoCheck: new Set(), retentionDays: false, userHosts: new Set() };
  const profile: Profile = { ...local.profile };
  for (const key of Object.keys(ProfileSchema.shape) as (keyof Profile)[]) {
    const value = managed.organisation?.[key];
    if (typeof value === 'string') {
      profile[key] = value.trim();
      locked.profile.add(key);
    }
  }
  const autoCheck = { ...local.autoCheck };
  for (const [portal, on] of Object.entries(managed.autoCheck ?? {})) {
    autoCheck[portal] = on;
    locked.autoCheck.add(portal);
  }
  const userHosts = [...local.userHosts];
  for (const { portal, host } of managed.userHosts ?? []) {
    const clean = normaliseUserHost(host);
    if (!clean) continue;
    locked.userHosts.add(hostKey(portal, clean));
    if (!userHosts.some((h) => h.portal === portal && h.host === clean)) userHosts.push({ portal, host: clean });
  }
  let retentionDays = local.retentionDays;
  if (managed.retentionDays !== undefined) {
    retentionDays = managed.retentionDays;
    locked.retentionDays = true;
  }
  return { settings: { ...local, profile, autoCheck, userHosts, retentionDays }, locked };
}

export function isHostLocked(locked: Locked, portal: string, host: string): boolean {
  return locked.userHosts.has(hostKey(portal, host));
}

/**
 * What to store locally when the official saves the form: managed fields keep the official's own earlier
 * value (so lifting the policy brings back what they had), managed hosts are not copied in.
 */
export function withoutManaged(next: Settings, previousLocal: Settings, locked: Locked): Settings {
  const profile = { ...next.profile };
  for (const key of locked.profile) profile[key] = previousLocal.profile[key];
  const autoCheck = { ...next.autoCheck };
  for (const portal of locked.autoCheck) {
    if (portal in previousLocal.autoCheck) autoCheck[portal] = previousLocal.autoCheck[portal];
    else delete autoCheck[portal];
  }
  return {
    ...next,
    profile,
    autoCheck,
    retentionDays: locked.retentionDays ? previousLocal.retentionDays : next.retentionDays,
    userHosts: next.userHosts.filter((h) => !isHostLocked(locked, h.portal, h.host) || previousLocal.userHosts.some((p) => p.portal === h.portal && p.host === h.host)),
  };
}
