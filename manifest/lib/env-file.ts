// Reads an Agents Toolkit environment file (env/.env.<name>, plus the git-ignored
// env/.env.<name>.user for secrets) as data. The packaging CLI never reads process.env: the
// environment of a package is what its files say, so a build is reproducible.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { problem, type Problem } from './problems.js';

const keySchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected a variable name such as TAB_DOMAIN' });

const guid = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, { error: 'expected a GUID' });
const host = z.string().regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$/i, {
  error: 'expected a host name (optionally with :port), without https:// or a path',
});
const httpsOrigin = z.string().regex(/^https:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$/i, {
  error: 'expected an https:// origin without a trailing slash or path',
});
const httpsUrl = z.url({ protocol: /^https$/, error: 'expected an absolute https:// URL' });

/**
 * Variables the templates use whose shape is known. An empty value is allowed here (the Agents
 * Toolkit writes empty values before provisioning); using an empty variable in a template is
 * reported by the placeholder check instead.
 */
const knownShapes: Record<string, z.ZodType<string>> = {
  TEAMS_APP_ID: guid,
  BOT_ID: guid,
  AAD_APP_CLIENT_ID: guid,
  AAD_APP_TENANT_ID: guid,
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: guid,
  TAB_DOMAIN: host,
  BOT_DOMAIN: host,
  TAB_ENDPOINT: httpsOrigin,
  BOT_ENDPOINT: httpsOrigin,
  SHAREPOINT_SITE_URL: httpsUrl,
  DEVELOPER_WEBSITE_URL: httpsUrl,
  DEVELOPER_PRIVACY_URL: httpsUrl,
  DEVELOPER_TERMS_URL: httpsUrl,
};

export interface EnvironmentFile {
  /** Variables in file order; the .user file's values win. */
  values: ReadonlyMap<string, string>;
  /** Files that were read, for messages. */
  files: readonly string[];
}

export function envFilePath(envDir: string, envName: string): string {
  return path.join(envDir, `.env.${envName}`);
}

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    return v.slice(1, -1);
  }
  return v;
}

/** Parses KEY=VALUE lines; `#` starts a comment line. Pure, for tests. */
export function parseEnvText(
  text: string,
  file: string,
): { values: Map<string, string>; problems: Problem[] } {
  const values = new Map<string, string>();
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) {
      problems.push(
        problem('env', file, `line ${index + 1}: expected KEY=VALUE, got "${trimmed.slice(0, 40)}"`),
      );
      return;
    }
    const key = trimmed.slice(0, eq).trim();
    const parsedKey = keySchema.safeParse(key);
    if (!parsedKey.success) {
      problems.push(
        problem('env', file, `line ${index + 1}: "${key}" ${parsedKey.error.issues[0]?.message ?? ''}`),
      );
      return;
    }
    values.set(key, unquote(trimmed.slice(eq + 1)));
  });
  return { values, problems };
}

/** Checks the shape of the variables whose meaning is known (GUIDs, domains, URLs). */
export function checkKnownVariables(values: ReadonlyMap<string, string>, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [key, value] of values) {
    const shape = knownShapes[key];
    if (!shape || value === '' || key.startsWith('SECRET_')) continue;
    const result = shape.safeParse(value);
    if (!result.success) {
      problems.push(
        problem(
          'env',
          file,
          `${key}: ${result.error.issues[0]?.message ?? 'invalid value'} (got "${value}")`,
        ),
      );
    }
  }
  return problems;
}

/** Reads env/.env.<name> and, when present, env/.env.<name>.user. */
export function readEnvironment(
  envDir: string,
  envName: string,
): { env: EnvironmentFile; problems: Problem[] } {
  const main = envFilePath(envDir, envName);
  const problems: Problem[] = [];
  const values = new Map<string, string>();
  const files: string[] = [];
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(envName)) {
    problems.push(
      problem('env', main, `"${envName}" is not an environment name (letters, digits and hyphens)`),
    );
    return { env: { values, files }, problems };
  }
  if (!existsSync(main)) {
    problems.push(problem('env', main, `environment file not found; create it or pick another --env`));
    return { env: { values, files }, problems };
  }
  for (const file of [main, `${main}.user`]) {
    if (!existsSync(file)) continue;
    files.push(file);
    const parsed = parseEnvText(readFileSync(file, 'utf8'), file);
    problems.push(...parsed.problems, ...checkKnownVariables(parsed.values, file));
    for (const [k, v] of parsed.values) values.set(k, v);
  }
  return { env: { values, files }, problems };
}
