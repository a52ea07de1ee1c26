import { z } from 'zod';

/** Known ids in the fuzzed workspace, so derived seeds reach handlers past "not found". */
export interface SeedIds {
  accountIds: string[];
  streamIds: string[];
  stakeholderIds: string[];
  goalIds: string[];
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  default?: unknown;
  $ref?: string;
};

/**
 * A valid-looking input for a contract input schema, derived from its JSON Schema: required keys
 * only, enums take their first value, dates and months a real one, ids one that exists. Not
 * guaranteed valid (refinements are invisible in JSON Schema); mutations start from here.
 */
export function seedFor(schema: z.ZodType, ids: SeedIds): unknown {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return {};
  }
  return example(json, '', ids, 0);
}

function example(schema: JsonSchema, key: string, ids: SeedIds, depth: number): unknown {
  if (depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return example(options.find((o) => o.type !== 'null') ?? options[0]!, key, ids, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = example(schema.properties?.[name] ?? {}, name, ids, depth + 1);
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'string':
      return stringFor(schema, key, ids);
    default:
      return null;
  }
}

function stringFor(schema: JsonSchema, key: string, ids: SeedIds): string {
  const lower = key.toLowerCase();
  if (lower === 'accountid') return ids.accountIds[0] ?? 'missing-account';
  if (lower === 'streamid') return ids.streamIds[0] ?? 'missing-stream';
  if (lower === 'id') return ids.accountIds[0] ?? 'missing';
  if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-06-30';
  if (schema.pattern?.includes('\\d{4}-')) return '2026-06';
  if (/quarter/.test(lower)) return '2026Q3';
  return 'Seed '.padEnd(Math.max(schema.minLength ?? 1, 5), 'x');
}
