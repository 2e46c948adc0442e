import { makeAllFixtures } from '../scripts/make-fixtures';

/** Fixtures are generated, never committed: the script is the source of truth. */
export default async function setup(): Promise<void> {
  await makeAllFixtures();
}
