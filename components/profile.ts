/**
 * Where the letters get the organisation profile: extension pages provide the loader that reads the options
 * (platform/profile-loader.ts), the userscript its own; components never reach for storage themselves.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Profile } from '../lib/settings';

export type ProfileLoader = () => Promise<Partial<Profile>>;

export const ProfileLoaderContext = createContext<ProfileLoader>(async () => ({}));

/** The profile given, else the loaded one; null while loading. A failed load gives an empty profile. */
export function useProfile(given?: Partial<Profile>): Partial<Profile> | null {
  const load = useContext(ProfileLoaderContext);
  const [loaded, setLoaded] = useState<Partial<Profile> | null>(given ?? null);
  useEffect(() => {
    if (given) return;
    let alive = true;
    load().then(
      (p) => alive && setLoaded(p),
      () => alive && setLoaded({}),
    );
    return () => {
      alive = false;
    };
  }, [given, load]);
  return given ?? loaded;
}
