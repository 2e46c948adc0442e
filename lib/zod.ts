/**
 * The one zod import of the project. `jitless`: zod never probes `new Function` nor compiles parsers with it.
 * Extension pages forbid eval by CSP anyway (the probe only failed there and logged a violation), and store
 * review flags the probe; parsing is the same everywhere (CLI, worker, pages) and stays fast enough for reports.
 * Must be set before any schema is built, hence this module: ES imports evaluate it before its importers.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
