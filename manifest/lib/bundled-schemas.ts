// Offline schema validation. @microsoft/app-manifest ships the JSON schemas of every Teams manifest
// version (v1.0 to v1.30, devPreview), the localisation schemas and the declarative agent schemas
// (v1.0 to v1.8) and API plugin schemas (v2.1 to v2.4) inside the package. We read the schema file ourselves and hand it to
// AppManifestUtils.validateAgainstSchema(doc, schema): given a schema, that function never calls
// fetchSchema, so no code path can reach the network. (Without a schema it would fetch the
// document's $schema URL when the package has no local copy.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

const require = createRequire(import.meta.url);

/** Root of the bundled schemas: node_modules/@microsoft/app-manifest/build/json-schemas. */
export function bundledSchemaRoot(): string {
  const pkg = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(pkg), 'build', 'json-schemas');
}

export type SchemaKind = 'teams-manifest' | 'teams-localisation' | 'declarative-agent' | 'api-plugin';

/** Where the bundled schema for a version lives, e.g. ('teams-manifest', '1.30'). */
export function bundledSchemaPath(kind: SchemaKind, version: string): string {
  const root = bundledSchemaRoot();
  switch (kind) {
    case 'teams-manifest':
      return path.join(root, 'teams', teamsFolder(version), 'MicrosoftTeams.schema.json');
    case 'teams-localisation':
      return path.join(root, 'teams', teamsFolder(version), 'MicrosoftTeams.Localization.schema.json');
    case 'declarative-agent':
      return path.join(root, 'copilot', 'declarative-agent', version, 'schema.json');
    case 'api-plugin':
      return path.join(root, 'copilot', 'plugin', version, 'schema.json');
  }
}

function teamsFolder(version: string): string {
  return version === 'devPreview' ? 'vDevPreview' : `v${version}`;
}

function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** GA Teams manifest versions with a bundled schema, oldest first (devPreview excluded). */
export function bundledTeamsVersions(): string[] {
  return readdirSync(path.join(bundledSchemaRoot(), 'teams'))
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .filter((v) => existsSync(bundledSchemaPath('teams-manifest', v)))
    .sort(compareVersions);
}

/** Declarative agent schema versions bundled ("v1.0" ... "v1.8"), oldest first. */
export function bundledDeclarativeAgentVersions(): string[] {
  return readdirSync(path.join(bundledSchemaRoot(), 'copilot', 'declarative-agent'))
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .sort(compareVersions);
}

/**
 * Escapes a `]` that closes no character class. Upstream bug: the localisation schemas (v1.25 to
 * v1.30) have patternProperties such as `^activities.activityTypes\\[\\b(...)\\b]\\.description$`,
 * valid in JavaScript's legacy regular expressions but not with the `u` flag ajv compiles with
 * ("Lone quantifier brackets"). The author meant a literal `]`, which is what escaping it gives.
 */
export function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}

function compilesWithUnicodeFlag(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

const fixPattern = (p: string) => (compilesWithUnicodeFlag(p) ? p : escapeLoneBrackets(p));

/** Repairs, in place, the patterns of a schema that ajv (unicode mode) cannot compile. */
function repairPatterns(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(repairPatterns);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (typeof obj.pattern === 'string') obj.pattern = fixPattern(obj.pattern);
  const props = obj.patternProperties;
  if (props !== null && typeof props === 'object' && !Array.isArray(props)) {
    const fixed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props)) fixed[fixPattern(key)] = value;
    obj.patternProperties = fixed;
  }
  for (const value of Object.values(obj)) repairPatterns(value);
}

/** Reads a bundled schema, or undefined when the package has none for that version. */
export function loadBundledSchema(kind: SchemaKind, version: string): object | undefined {
  const file = bundledSchemaPath(kind, version);
  if (!existsSync(file)) return undefined;
  // The same clean-up the package applies: two schemas use \a and \v escapes JSON does not know.
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(text) as object;
  repairPatterns(schema);
  return schema;
}

type Validate = (doc: unknown, schema: object) => Promise<string[]>;
// The package types the first argument as a manifest union; it validates any JSON document.
const validateAgainst = AppManifestUtils.validateAgainstSchema.bind(AppManifestUtils) as unknown as Validate;

/** Validates a document against an explicitly given schema; returns ajv's messages. */
export function validateWithSchema(doc: unknown, schema: object): Promise<string[]> {
  return validateAgainst(doc, schema);
}

/**
 * Validates several documents against one schema with a single compilation (the package compiles
 * the schema on every call): the schema becomes a definition of a wrapper whose properties d0, d1
 * ... are the documents. Returns one list of messages per document, paths relative to it.
 */
export async function validateManyWithSchema(docs: readonly unknown[], schema: object): Promise<string[][]> {
  const { $schema, definitions, ...body } = schema as {
    $schema?: string;
    definitions?: Record<string, unknown>;
  };
  const key = '__document';
  const wrapper = {
    $schema,
    type: 'object',
    definitions: { ...definitions, [key]: body },
    properties: Object.fromEntries(docs.map((_d, i) => [`d${i}`, { $ref: `#/definitions/${key}` }])),
  };
  const messages = await validateAgainst(Object.fromEntries(docs.map((d, i) => [`d${i}`, d])), wrapper);
  const perDoc: string[][] = docs.map(() => []);
  for (const message of messages) {
    const m = /^\/d(\d+)(\S*)( .*)$/s.exec(message);
    const index = Number(m?.[1] ?? -1);
    perDoc[index]?.push(`${m?.[2] ?? ''}${m?.[3] ?? ''}`);
  }
  return perDoc;
}
