// Builds the Teams app package for one environment: fill the templates from env/.env.<name>,
// validate everything offline (bundled JSON schemas, icons, localisation, bot commands, cross-field
// rules) and, only when nothing is wrong, write manifest/build/appPackage.<name>.zip.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import {
  loadBundledSchema,
  validateManyWithSchema,
  validateWithSchema,
  type SchemaKind,
} from './bundled-schemas.js';
import {
  checkBotCommands,
  checkCommandKeywords,
  checkLocalisedCommandTitles,
  type HandledCommand,
} from './command-checks.js';
import { envFilePath, readEnvironment } from './env-file.js';
import { checkIcon, type IconRole } from './icon-checks.js';
import {
  checkLanguageFiles,
  untokenisedAgentFields,
  untokenisedPluginFields,
  type LanguageFile,
} from './localisation-checks.js';
import { checkManifestCoherence } from './manifest-checks.js';
import { ApiPluginShape, DeclarativeAgentShape, ManifestShape } from './manifest-shape.js';
import { checkOpenApiSpec, checkPluginFunctions, type RuntimeSpec } from './plugin-checks.js';
import { fillPlaceholders } from './placeholders.js';
import { problem, type Problem } from './problems.js';

export interface PackageOptions {
  envName: string;
  /** Folder holding .env.<name> files (default env/). */
  envDir: string;
  /** Folder holding manifest.json and the files it references (default manifest/template/). */
  templateDir: string;
  /** Where the zip goes (default manifest/build/). */
  outDir: string;
  /** Commands the bot handles: the router's table (handledFromRouter), or the catalogue (BOT_COMMANDS). */
  handledCommands: readonly HandledCommand[];
}

export interface PackageResult {
  ok: boolean;
  problems: Problem[];
  /** Set when ok. */
  zipPath?: string;
  /** File names inside the zip, sorted. */
  files: string[];
  /** Schema versions the package was validated against. */
  validatedWith: string[];
}

/** A fixed timestamp so the same inputs give the same zip bytes. */
const ZIP_TIME = new Date('2026-01-01T00:00:00Z');

function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return r.startsWith('..') ? file : r;
}

function parseJson(text: string, file: string, problems: Problem[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.push(
      problem('file', file, `not valid JSON (${error instanceof Error ? error.message : 'parse error'})`),
    );
    return undefined;
  }
}

async function validateSchema(
  kind: SchemaKind,
  version: string | undefined,
  doc: unknown,
  file: string,
  problems: Problem[],
  validatedWith: string[],
): Promise<void> {
  if (!version) {
    problems.push(problem('schema', file, `no schema version declared`));
    return;
  }
  const schema = loadBundledSchema(kind, version);
  if (!schema) {
    problems.push(
      problem(
        'schema',
        file,
        `${kind} version ${version} has no schema bundled with @microsoft/app-manifest; it cannot be validated offline`,
      ),
    );
    return;
  }
  const label = `${kind} ${version}`;
  if (!validatedWith.includes(label)) validatedWith.push(label);
  let messages: string[];
  try {
    messages = await validateWithSchema(doc, schema);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    problems.push(problem('schema', file, `the bundled ${label} schema could not be compiled (${why})`));
    return;
  }
  for (const message of messages) problems.push(problem('schema', file, message.replace(/^ /, '(root) ')));
}

/** All language files against the localisation schema of the manifest's version, in one compilation. */
async function validateLanguageSchemas(
  version: string | undefined,
  files: readonly LanguageFile[],
  problems: Problem[],
  validatedWith: string[],
): Promise<void> {
  if (files.length === 0 || !version) return;
  const label = `teams-localisation ${version}`;
  const schema = loadBundledSchema('teams-localisation', version);
  if (!schema) {
    for (const f of files) {
      problems.push(problem('schema', f.file, `${label} has no schema bundled with @microsoft/app-manifest`));
    }
    return;
  }
  let results: string[][];
  try {
    results = await validateManyWithSchema(
      files.map((f) => f.content),
      schema,
    );
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    problems.push(
      problem('schema', files[0]?.file ?? '', `the bundled ${label} schema could not be compiled (${why})`),
    );
    return;
  }
  if (!validatedWith.includes(label)) validatedWith.push(label);
  files.forEach((f, i) => {
    for (const message of results[i] ?? [])
      problems.push(problem('schema', f.file, message.replace(/^ /, '(root) ')));
  });
}

/** A file path from the manifest must stay inside the package folder. */
function packageFile(
  templateDir: string,
  name: string,
  from: string,
  problems: Problem[],
): string | undefined {
  if (path.isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
    problems.push(problem('file', from, `"${name}" must be a relative path inside the package`));
    return undefined;
  }
  const full = path.join(templateDir, name);
  if (!existsSync(full)) {
    problems.push(problem('file', from, `references "${name}", which does not exist in ${rel(templateDir)}`));
    return undefined;
  }
  return full;
}

export async function buildAppPackage(options: PackageOptions): Promise<PackageResult> {
  const problems: Problem[] = [];
  const validatedWith: string[] = [];
  const fail = (): PackageResult => ({ ok: false, problems, files: [], validatedWith });

  const { env, problems: envProblems } = readEnvironment(options.envDir, options.envName);
  problems.push(...envProblems);
  if (env.files.length === 0) return fail();
  const envLabel = rel(envFilePath(options.envDir, options.envName));

  const entries = new Map<string, Uint8Array>();
  const readTemplate = (name: string, full: string): unknown => {
    const filled = fillPlaceholders(readFileSync(full, 'utf8'), env.values, rel(full), envLabel);
    problems.push(...filled.problems);
    entries.set(name, Buffer.from(filled.text, 'utf8'));
    return filled.problems.length > 0 ? undefined : parseJson(filled.text, rel(full), problems);
  };

  const manifestFull = path.join(options.templateDir, 'manifest.json');
  const manifestFile = rel(manifestFull);
  if (!existsSync(manifestFull)) {
    problems.push(problem('file', manifestFile, 'manifest template not found'));
    return fail();
  }
  const manifestJson = readTemplate('manifest.json', manifestFull);
  if (manifestJson === undefined) return fail();
  const parsedManifest = ManifestShape.safeParse(manifestJson);
  if (!parsedManifest.success) {
    problems.push(
      problem(
        'schema',
        manifestFile,
        `unexpected structure: ${parsedManifest.error.issues[0]?.message ?? ''}`,
      ),
    );
    return fail();
  }
  const manifest = parsedManifest.data;
  await validateSchema(
    'teams-manifest',
    manifest.manifestVersion,
    manifestJson,
    manifestFile,
    problems,
    validatedWith,
  );

  // Icons.
  const icons: [IconRole, string | undefined][] = [
    ['color', manifest.icons?.color],
    ['outline', manifest.icons?.outline],
    ['color32x32', manifest.icons?.color32x32],
  ];
  for (const [role, name] of icons) {
    if (name === undefined) continue;
    const full = packageFile(options.templateDir, name, manifestFile, problems);
    if (!full) continue;
    const bytes = readFileSync(full);
    entries.set(name, bytes);
    problems.push(...checkIcon(role, bytes, rel(full)));
  }

  // API plugins (the agents' actions): the plugin manifest against its bundled schema, then the
  // files it names (OpenAPI description, card templates) into the package, then functions against
  // the operations of the description.
  const plugins: { plugin: ApiPluginShape; file: string }[] = [];
  const multilingual = (manifest.localizationInfo?.additionalLanguages.length ?? 0) > 0;
  const readApiPlugin = async (name: string, from: string) => {
    const full = packageFile(options.templateDir, name, from, problems);
    if (!full) return undefined;
    const json = readTemplate(name, full);
    if (json === undefined) return undefined;
    const file = rel(full);
    const parsed = ApiPluginShape.safeParse(json);
    if (!parsed.success) {
      problems.push(
        problem('plugin', file, `unexpected structure: ${parsed.error.issues[0]?.message ?? ''}`),
      );
      return undefined;
    }
    const plugin = parsed.data;
    await validateSchema('api-plugin', plugin.schema_version, json, file, problems, validatedWith);
    // Paths in a plugin manifest are relative to the plugin manifest's folder.
    const besidePlugin = (p: string) => path.posix.join(path.posix.dirname(name.replace(/\\/g, '/')), p);
    const specs: RuntimeSpec[] = [];
    for (const [r, runtime] of plugin.runtimes.entries()) {
      if (runtime.type !== 'OpenApi') continue;
      const url = runtime.spec?.url;
      if (url === undefined || /^[a-z][a-z0-9+.-]*:/i.test(url)) {
        problems.push(
          problem(
            'plugin',
            file,
            `runtimes[${r}].spec.url must name an OpenAPI description file inside the package (found ${JSON.stringify(url ?? runtime.spec?.api_description?.slice(0, 40))})`,
          ),
        );
        continue;
      }
      const specName = besidePlugin(url);
      const specFull = packageFile(options.templateDir, specName, file, problems);
      if (!specFull) continue;
      if (!/\.json$/i.test(specName)) {
        problems.push(problem('plugin', rel(specFull), 'the OpenAPI description must be a .json file'));
        continue;
      }
      const spec = readTemplate(specName, specFull);
      if (spec === undefined) continue;
      problems.push(...checkOpenApiSpec(spec, rel(specFull)));
      specs.push({ runtimeIndex: r, file: rel(specFull), spec });
    }
    for (const fn of plugin.functions) {
      const template = fn.capabilities?.response_semantics?.static_template?.file;
      if (template === undefined) continue;
      const templateFull = packageFile(options.templateDir, besidePlugin(template), file, problems);
      if (templateFull) readTemplate(besidePlugin(template), templateFull);
    }
    problems.push(...checkPluginFunctions(plugin, file, specs));
    if (multilingual) {
      for (const field of untokenisedPluginFields(plugin)) {
        problems.push(
          problem(
            'plugin',
            file,
            `${field} is literal text; use a [[token]] so the language files can translate it`,
          ),
        );
      }
    }
    return { plugin, file };
  };

  // Declarative agents.
  const agents: { agent: DeclarativeAgentShape; file: string }[] = [];
  for (const ref of manifest.copilotAgents?.declarativeAgents ?? []) {
    const full = packageFile(options.templateDir, ref.file, manifestFile, problems);
    if (!full) continue;
    const json = readTemplate(ref.file, full);
    if (json === undefined) continue;
    const parsed = DeclarativeAgentShape.safeParse(json);
    if (!parsed.success) {
      problems.push(
        problem('agent', rel(full), `unexpected structure: ${parsed.error.issues[0]?.message ?? ''}`),
      );
      continue;
    }
    agents.push({ agent: parsed.data, file: rel(full) });
    await validateSchema('declarative-agent', parsed.data.version, json, rel(full), problems, validatedWith);
    for (const action of parsed.data.actions) {
      const plugin = await readApiPlugin(action.file, rel(full));
      if (plugin) plugins.push(plugin);
    }
    if ((manifest.localizationInfo?.additionalLanguages.length ?? 0) > 0) {
      for (const field of untokenisedAgentFields(parsed.data)) {
        problems.push(
          problem(
            'agent',
            rel(full),
            `${field} is literal text; use a [[token]] so the language files can translate it`,
          ),
        );
      }
    }
  }

  // Language files.
  const readLanguage = (languageTag: string, name: string): LanguageFile | undefined => {
    const full = packageFile(options.templateDir, name, manifestFile, problems);
    if (!full) return undefined;
    const json = readTemplate(name, full);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
    return { languageTag, file: rel(full), content: json as Record<string, unknown> };
  };
  const info = manifest.localizationInfo;
  const defaultLanguage =
    info?.defaultLanguageFile !== undefined
      ? readLanguage(info.defaultLanguageTag ?? 'en', info.defaultLanguageFile)
      : undefined;
  const languages = (info?.additionalLanguages ?? [])
    .map((l) => readLanguage(l.languageTag, l.file))
    .filter((l): l is LanguageFile => l !== undefined);
  if (agents.length > 0 && languages.length > 0 && info?.defaultLanguageFile === undefined) {
    problems.push(
      problem(
        'localisation',
        manifestFile,
        'a multilingual app with a declarative agent needs localizationInfo.defaultLanguageFile',
      ),
    );
  }
  await validateLanguageSchemas(
    manifest.manifestVersion,
    defaultLanguage ? [defaultLanguage, ...languages] : languages,
    problems,
    validatedWith,
  );
  problems.push(
    ...checkLanguageFiles({ manifest, manifestFile, agents, plugins, defaultLanguage, languages }),
  );

  problems.push(...checkBotCommands(manifest, options.handledCommands, manifestFile));
  problems.push(...checkCommandKeywords(options.handledCommands, manifestFile));
  problems.push(
    ...checkLocalisedCommandTitles(
      manifest,
      options.handledCommands,
      defaultLanguage ? [defaultLanguage, ...languages] : languages,
    ),
  );
  problems.push(...checkManifestCoherence(manifest, manifestFile));

  if (problems.length > 0) return fail();

  const files = [...entries.keys()].sort();
  const zippable: Zippable = {};
  for (const name of files) zippable[name] = [entries.get(name) ?? new Uint8Array(), { mtime: ZIP_TIME }];
  mkdirSync(options.outDir, { recursive: true });
  const zipPath = path.join(options.outDir, `appPackage.${options.envName}.zip`);
  writeFileSync(zipPath, zipSync(zippable, { level: 9 }));
  return { ok: true, problems, zipPath, files, validatedWith };
}
