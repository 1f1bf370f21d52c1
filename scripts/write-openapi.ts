/** Writes docs/openapi.json from the zod schemas (`npm run openapi`). A test fails when the file is stale. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderOpenApiJson } from '../server/openapi/openapi.document';

const target = resolve(import.meta.dirname, '..', 'docs', 'openapi.json');
writeFileSync(target, renderOpenApiJson());
console.log(`Wrote ${target}`);
