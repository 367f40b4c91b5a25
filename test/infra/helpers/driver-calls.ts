import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sdkActionsImportedBy } from './cloudformation.js';

/** Every IAM action behind an SDK command imported under `directory` (the drivers, the job store). */
export function sdkActionsUnder(directory: string | URL): Set<string> {
  const root = directory instanceof URL ? directory.pathname : directory;
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return new Set(files.flatMap((file) => sdkActionsImportedBy(readFileSync(join(root, file), 'utf8'), file)));
}
