/**
 * The one table of portals: ids, names, hosts, support addresses and the file kinds each emits.
 * Everything else (manifest, content-script matches, capture, letters) derives from here.
 */
import type { KindId } from './checks/kinds';

export type PortalId = 'tor-knd' | 'erul' | 'pos' | 'egisso' | 'ecp-mis' | 'sstu';

export interface Portal {
  id: PortalId;
  /** Short Russian name shown to the official. */
  name: string;
  /** Full Russian name. */
  fullName: string;
  /** Fixed public hosts; a leading "*." also matches the bare domain and every subdomain. */
  hosts: readonly string[];
  /** True when the host differs per installation and the user adds it (optional host permission). */
  userHosts: boolean;
  supportEmail: string | null;
  kinds: readonly KindId[];
}

export const PORTALS: readonly Portal[] = [
  {
    id: 'tor-knd',
    name: 'ГИС ТОР КНД',
    fullName: 'Государственная информационная система «Типовое облачное решение по автоматизации контрольной (надзорной) деятельности»',
    hosts: ['tor.knd.gov.ru'],
    userHosts: false,
    supportEmail: 'kndsupport@voskhod.ru',
    kinds: ['tor-knd-registry-export', 'tor-knd-import-result', 'erul-renumbering-result'],
  },
  {
    id: 'erul',
    name: 'ЕРУЛ',
    fullName: 'Единый реестр учёта лицензий',
    hosts: [],
    userHosts: true,
    supportEmail: null,
    kinds: ['erul-renumbering-result'],
  },
  {
    id: 'pos',
    name: 'ПОС',
    fullName: 'Платформа обратной связи (раздел «ССТУ.РФ»)',
    hosts: ['pos.gosuslugi.ru'],
    userHosts: false,
    supportEmail: 'sd@sc.digital.gov.ru',
    kinds: ['sstu-unbound-topics', 'sstu-lko-without-id', 'sstu-upload-status', 'sstu-error-report', 'sstu-archive'],
  },
  {
    id: 'egisso',
    name: 'ЕГИССО',
    fullName: 'Единая государственная информационная система социального обеспечения',
    hosts: ['*.egisso.ru'],
    userHosts: false,
    supportEmail: null,
    kinds: ['egisso-protocol', 'egisso-package'],
  },
  {
    id: 'ecp-mis',
    name: 'ЕЦП.МИС (модуль ЕГИССО)',
    fullName: 'Региональная медицинская информационная система ЕЦП.МИС, модуль интеграции с ЕГИССО',
    hosts: [],
    userHosts: true,
    supportEmail: null,
    kinds: ['egisso-protocol', 'egisso-package'],
  },
  {
    // ССТУ.РФ takes the archives ПОС forms; the upload happens there, outside ПОС (instruction, п. 1.2)
    id: 'sstu',
    name: 'ССТУ.РФ',
    fullName: 'Информационный ресурс ССТУ.РФ (загрузка архивов, сформированных в ПОС)',
    hosts: [],
    userHosts: true,
    supportEmail: null,
    kinds: ['sstu-archive'],
  },
];

export function portalById(id: PortalId): Portal {
  const portal = PORTALS.find((p) => p.id === id);
  if (!portal) throw new Error(`unknown portal ${id}`);
  return portal;
}

/** Host patterns of the fixed portals as manifest match patterns (https only). */
export function fixedPortalMatchPatterns(): string[] {
  return PORTALS.flatMap((p) => p.hosts.map((h) => `https://${h}/*`));
}

export function fixedPortalHosts(id: PortalId): string[] {
  return [...portalById(id).hosts];
}

/** A user-added host for a portal without a fixed host (ЕРУЛ, regional ЕЦП.МИС). */
export interface UserHost {
  portal: PortalId;
  host: string;
}

export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return h === base || h.endsWith(`.${base}`);
  }
  return h === pattern;
}

/** Which portal a URL belongs to, given the user-added hosts; null when none. */
export function portalForUrl(url: string, userHosts: readonly UserHost[] = []): PortalId | null {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    host = u.hostname;
  } catch {
    return null;
  }
  for (const p of PORTALS) if (p.hosts.some((pat) => hostMatches(pat, host))) return p.id;
  for (const uh of userHosts) if (hostMatches(uh.host, host)) return uh.portal;
  return null;
}

/** Normalises what a user typed («https://ecp.region.ru/page») to a bare host; null when it is not one. */
export function normaliseUserHost(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  let host = trimmed;
  try {
    host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return null;
  }
  if (!/^[a-z0-9а-яё-]+(\.[a-z0-9а-яё-]+)+$/i.test(host) && !/^xn--/.test(host)) return null;
  return host;
}

export function matchPatternForHost(host: string): string {
  return `https://${host}/*`;
}
