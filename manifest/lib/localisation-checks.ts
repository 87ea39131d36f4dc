// Language files must translate every localisable string of the manifest and of the declarative
// agent, and nothing else: the same keys in every language, none empty, none pointing at nothing.
// The default language file must say what the manifest says (it replaces the manifest's strings).
import { valueAt } from './json-path.js';
import type { ApiPluginShape, DeclarativeAgentShape, ManifestShape } from './manifest-shape.js';
import { problem, type Problem } from './problems.js';

export interface LanguageFile {
  languageTag: string;
  file: string;
  /** Parsed JSON of the language file. */
  content: Record<string, unknown>;
}

const TOKEN = /^\[\[([a-zA-Z_][a-zA-Z0-9_]*)\]\]$/;

/** Language-file keys for every localisable string present in the manifest. */
export function localisableManifestKeys(manifest: ManifestShape): string[] {
  const keys: string[] = [];
  const add = (key: string, value: unknown) => {
    if (typeof value === 'string') keys.push(key);
  };
  add('name.short', manifest.name?.short);
  add('name.full', manifest.name?.full);
  add('description.short', manifest.description?.short);
  add('description.full', manifest.description?.full);
  manifest.staticTabs.forEach((tab, i) => add(`staticTabs[${i}].name`, tab.name));
  manifest.bots.forEach((bot, b) =>
    bot.commandLists.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        add(`bots[${b}].commandLists[${l}].commands[${c}].title`, command.title);
        add(`bots[${b}].commandLists[${l}].commands[${c}].description`, command.description);
      }),
    ),
  );
  manifest.composeExtensions.forEach((extension, e) =>
    extension.commands.forEach((command, c) => {
      const base = `composeExtensions[${e}].commands[${c}]`;
      add(`${base}.title`, command.title);
      add(`${base}.description`, command.description);
      const parameters = Array.isArray(command.parameters) ? (command.parameters as unknown[]) : [];
      parameters.forEach((_p, p) => {
        add(`${base}.parameters[${p}].title`, valueAt(command, `parameters[${p}].title`));
        add(`${base}.parameters[${p}].description`, valueAt(command, `parameters[${p}].description`));
      });
      const prompts = Array.isArray(command.samplePrompts) ? (command.samplePrompts as unknown[]) : [];
      prompts.forEach((_s, s) =>
        add(`${base}.samplePrompts[${s}].text`, valueAt(command, `samplePrompts[${s}].text`)),
      );
    }),
  );
  return keys;
}

/** Tokens ([[name]]) the agent uses, with the length limit of the field each one fills. */
export function agentTokens(agent: DeclarativeAgentShape): Map<string, number | undefined> {
  const tokens = new Map<string, number | undefined>();
  const add = (value: string | undefined, limit?: number) => {
    const m = value === undefined ? null : TOKEN.exec(value);
    if (m?.[1]) tokens.set(m[1], limit);
  };
  add(agent.name, 100);
  add(agent.description, 1000);
  for (const starter of agent.conversation_starters) {
    add(starter.title);
    add(starter.text);
  }
  return tokens;
}

/**
 * Tokens an API plugin uses. Localisable there: name_for_human (20 characters shown),
 * description_for_human (100), description_for_model and conversation starters. The model's
 * description may stay literal English (it is read by the model, not shown to people).
 */
export function pluginTokens(plugin: ApiPluginShape): Map<string, number | undefined> {
  const tokens = new Map<string, number | undefined>();
  const add = (value: string | undefined, limit?: number) => {
    const m = value === undefined ? null : TOKEN.exec(value);
    if (m?.[1]) tokens.set(m[1], limit);
  };
  add(plugin.name_for_human, 20);
  add(plugin.description_for_human, 100);
  add(plugin.description_for_model, 2048);
  for (const starter of plugin.capabilities?.conversation_starters ?? []) {
    add(starter.title);
    add(starter.text);
  }
  return tokens;
}

/** Plugin fields shown to people that hold literal text although the app is multilingual. */
export function untokenisedPluginFields(plugin: ApiPluginShape): string[] {
  const literal = (v: string | undefined) => v !== undefined && !TOKEN.test(v);
  const fields: string[] = [];
  if (literal(plugin.name_for_human)) fields.push('name_for_human');
  if (literal(plugin.description_for_human)) fields.push('description_for_human');
  (plugin.capabilities?.conversation_starters ?? []).forEach((s, i) => {
    if (literal(s.title)) fields.push(`capabilities.conversation_starters[${i}].title`);
    if (literal(s.text)) fields.push(`capabilities.conversation_starters[${i}].text`);
  });
  return fields;
}

/** Localisable agent fields that hold literal text although the app is multilingual. */
export function untokenisedAgentFields(agent: DeclarativeAgentShape): string[] {
  const literal = (v: string | undefined) => v !== undefined && !TOKEN.test(v);
  const fields: string[] = [];
  if (literal(agent.name)) fields.push('name');
  if (literal(agent.description)) fields.push('description');
  agent.conversation_starters.forEach((s, i) => {
    if (literal(s.title)) fields.push(`conversation_starters[${i}].title`);
    if (literal(s.text)) fields.push(`conversation_starters[${i}].text`);
  });
  return fields;
}

export function checkLanguageFiles(input: {
  manifest: ManifestShape;
  manifestFile: string;
  agents: readonly { agent: DeclarativeAgentShape; file: string }[];
  /** API plugins of the agents' actions: their [[tokens]] live in the same localizationKeys. */
  plugins?: readonly { plugin: ApiPluginShape; file: string }[];
  defaultLanguage: LanguageFile | undefined;
  languages: readonly LanguageFile[];
}): Problem[] {
  const problems: Problem[] = [];
  const expectedKeys = localisableManifestKeys(input.manifest);
  const tokens = new Map<string, number | undefined>();
  for (const { agent } of input.agents) for (const [t, limit] of agentTokens(agent)) tokens.set(t, limit);
  for (const { plugin } of input.plugins ?? [])
    for (const [t, limit] of pluginTokens(plugin)) tokens.set(t, limit);

  const all = input.defaultLanguage ? [input.defaultLanguage, ...input.languages] : [...input.languages];
  const tags = new Set<string>();
  for (const lang of all) {
    const tag = lang.languageTag.toLowerCase();
    if (tags.has(tag))
      problems.push(problem('localisation', lang.file, `language "${lang.languageTag}" is declared twice`));
    tags.add(tag);

    const content = lang.content;
    for (const key of expectedKeys) {
      const value = content[key];
      if (value === undefined) problems.push(problem('localisation', lang.file, `missing key "${key}"`));
      else if (typeof value !== 'string' || value.trim() === '') {
        problems.push(problem('localisation', lang.file, `key "${key}" is empty`));
      }
    }
    for (const [key, value] of Object.entries(content)) {
      if (key === '$schema' || key === 'localizationKeys') continue;
      if (!expectedKeys.includes(key)) {
        const target = valueAt(input.manifest, key);
        problems.push(
          problem(
            'localisation',
            lang.file,
            target === undefined
              ? `key "${key}" does not match anything in ${input.manifestFile}`
              : `key "${key}" is not a localisable string of ${input.manifestFile}`,
          ),
        );
      } else if (lang === input.defaultLanguage && typeof value === 'string') {
        const original = valueAt(input.manifest, key);
        if (original !== value) {
          problems.push(
            problem(
              'localisation',
              lang.file,
              `key "${key}" says "${value}" but ${input.manifestFile} says "${String(original)}"`,
            ),
          );
        }
      }
    }

    const raw = content.localizationKeys;
    const keys =
      raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    for (const [token, limit] of tokens) {
      const value = keys[token];
      if (value === undefined)
        problems.push(problem('localisation', lang.file, `missing localizationKeys "${token}"`));
      else if (typeof value !== 'string' || value.trim() === '') {
        problems.push(problem('localisation', lang.file, `localizationKeys "${token}" is empty`));
      } else if (limit !== undefined && value.length > limit) {
        problems.push(
          problem(
            'localisation',
            lang.file,
            `localizationKeys "${token}" is ${value.length} characters; the limit is ${limit}`,
          ),
        );
      }
    }
    for (const token of Object.keys(keys)) {
      if (!tokens.has(token)) {
        problems.push(
          problem(
            'localisation',
            lang.file,
            `localizationKeys "${token}" is not used by the declarative agent or its plugins`,
          ),
        );
      }
    }
  }
  return problems;
}
