// Writes policy.schema.json from the zod schema, so editors autocomplete and check policy files.
import { writeFile } from 'node:fs/promises';
import { policyJsonSchema } from '../src/config/policy.js';

const path = new URL('../policy.schema.json', import.meta.url);
await writeFile(path, `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
