// Writes lab.schema.json (the JSON Schema of lab files) from the zod schema.
// Run: npx tsx scripts/gen-lab-schema.ts (npm run gen:lab-schema). A unit test fails when the
// committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { labJsonSchemaText } from '../src/simulator/model/json-schema';

const target = fileURLToPath(new URL('../lab.schema.json', import.meta.url));
writeFileSync(target, labJsonSchemaText());
console.log(`wrote ${target}`);
