// Writes schemas/*.json from the TypeBox definitions in src/schema (the one source of truth).
import { mkdirSync, writeFileSync } from 'node:fs';
import { schemaDocuments } from '../src/schema/documents.js';

mkdirSync('schemas', { recursive: true });
for (const [name, schema] of Object.entries(schemaDocuments)) {
  writeFileSync(`schemas/${name}.json`, JSON.stringify(schema, null, 2) + '\n');
  console.log(`schemas/${name}.json`);
}
