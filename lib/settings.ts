/** The user's settings (options page): profile for letters, portals, retention. Validated on every read. */
import { z } from './zod';
import { PORTALS, type PortalId } from './portals';

export const ProfileSchema = z.object({
  orgName: z.string().default(''),
  inn: z.string().default(''),
  ogrn: z.string().default(''),
  region: z.string().default(''),
  contact: z.string().default(''),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const UserHostSchema = z.object({
  portal: z.enum(['tor-knd', 'erul', 'pos', 'egisso', 'ecp-mis', 'sstu']),
  host: z.string().min(1),
});

export const DEFAULT_RETENTION_DAYS = 90;

export const SettingsSchema = z.object({
  profile: ProfileSchema.default({ orgName: '', inn: '', ogrn: '', region: '', contact: '' }),
  retentionDays: z.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS),
  /** Automatic checking of downloads, per portal; absent = on. */
  autoCheck: z.record(z.string(), z.boolean()).default({}),
  userHosts: z.array(UserHostSchema).default([]),
  /** ССТУ.РФ periods the user marked closed by hand, as "YYYY-MM". */
  closedPeriods: z.array(z.string()).default([]),
  /** Notifications before a deadline (ССТУ.РФ 1st–5th, renumbering not imported); on unless turned off. */
  reminders: z.boolean().default(true),
});
export type Settings = z.infer<typeof SettingsSchema>;

export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

export function autoCheckEnabled(settings: Settings, portal: PortalId): boolean {
  return settings.autoCheck[portal] ?? true;
}

export const SETTINGS_PORTALS = PORTALS.map((p) => p.id);
