/** The Firefox test build (in-page shadow roots open), built before the Firefox e2e files run. */
import { buildForTests } from '../build-setup';

export default function setup(): void {
  if (process.env.SVERKA_FIREFOX_EXTENSION_DIR) return;
  buildForTests([['build', '-b', 'firefox', '--mode', 'e2e']]);
}
