import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENDING_ORDER_FIELDS } from '../../shared/api/geodb.schemas';
import { buildOpenApiDocument, renderOpenApiJson } from '../../server/openapi/openapi.document';
import { startTestServer, type TestServer } from './server-fixture';

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }> };
}

const doc = buildOpenApiDocument() as unknown as Doc;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: 'none', testHooks: true });
});
afterAll(() => server.stop());

describe('OpenAPI document', () => {
  it('docs/openapi.json is up to date (run `npm run openapi`)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8');
    expect(committed).toBe(renderOpenApiJson());
  });

  it('is OpenAPI 3.1 and every $ref resolves', () => {
    expect(doc.openapi).toBe('3.1.0');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(5);
    for (const id of refs) expect(doc.components.schemas).toHaveProperty(id);
  });

  it('documents every non-test route of the running server, and nothing else', () => {
    const served = server.routes
      .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/__test__/'))
      .map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
      .sort();
    expect(served.length).toBeGreaterThanOrEqual(3);
    expect(documented).toEqual(served);
    expect(JSON.stringify(doc)).not.toContain('__test__');
  });

  it('describes PendingOrder with exactly the contract fields and no extras', () => {
    const pending = doc.components.schemas['PendingOrder'];
    expect(Object.keys(pending?.properties ?? {})).toEqual(PENDING_ORDER_FIELDS);
    expect(pending?.additionalProperties).toBe(false);
  });
});
