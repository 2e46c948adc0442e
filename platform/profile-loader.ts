/** The organisation profile from the extension's options, for letters on extension pages. */
import type { ProfileLoader } from '../components/profile';
import { loadSettings } from './settings';

export const loadExtensionProfile: ProfileLoader = async () => (await loadSettings()).profile;
