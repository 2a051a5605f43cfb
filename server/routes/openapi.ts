import { z } from 'zod';
import type { RouteSpec } from './define.js';

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/** Which cookies a route takes: a person's session, a paired screen's, or either. */
function securityOf(spec: RouteSpec): Array<Record<string, string[]>> {
  if (spec.access === 'station') return [{ station: [] }];
  if (spec.access === 'public') return spec.station ? [{}, { session: [] }, { station: [] }] : [];
  return spec.station ? [{ session: [] }, { station: [] }] : [{ session: [] }];
}

/** The OpenAPI 3.1 document of the API, made from the routes' own zod schemas. */
export function openApiDocument(routes: RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...Object.keys((spec.params as z.ZodObject | undefined)?.shape ?? {}).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries((spec.query as z.ZodObject | undefined)?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(schema as z.ZodType),
      })),
    ];
    paths[path] ??= {};
    paths[path][spec.method] = {
      summary: spec.summary,
      security: securityOf(spec),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } } } : {}),
      responses: {
        [String(spec.status ?? 200)]: { description: 'Success' },
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'prifora', version },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'prifora_session' }, station: { type: 'apiKey', in: 'cookie', name: 'prifora_station' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' }, details: {} },
            },
          },
        },
      },
    },
  };
}
