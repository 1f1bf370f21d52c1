/** API_PATHS hold OpenAPI templates (`{id}`); fastify wants `:id`. */
export function routePath(template: string): string {
  return template.replace(/\{(\w+)\}/g, ':$1');
}
