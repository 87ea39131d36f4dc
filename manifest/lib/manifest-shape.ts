// The parts of the (filled) app manifest that the packaging checks read, parsed with zod. The
// JSON schema validates the whole document; this only gives the checks typed access, so every
// field is optional and unknown fields pass through.
import { z } from 'zod';

const command = z.looseObject({ title: z.string().optional(), description: z.string().optional() });
const commandList = z.looseObject({
  scopes: z.array(z.string()).default([]),
  commands: z.array(command).default([]),
});

export const ManifestShape = z.looseObject({
  manifestVersion: z.string().optional(),
  name: z.looseObject({ short: z.string().optional(), full: z.string().optional() }).optional(),
  description: z.looseObject({ short: z.string().optional(), full: z.string().optional() }).optional(),
  icons: z
    .looseObject({
      color: z.string().optional(),
      outline: z.string().optional(),
      color32x32: z.string().optional(),
    })
    .optional(),
  localizationInfo: z
    .looseObject({
      defaultLanguageTag: z.string().optional(),
      defaultLanguageFile: z.string().optional(),
      additionalLanguages: z.array(z.looseObject({ languageTag: z.string(), file: z.string() })).default([]),
    })
    .optional(),
  bots: z
    .array(
      z.looseObject({
        botId: z.string().optional(),
        scopes: z.array(z.string()).default([]),
        commandLists: z.array(commandList).default([]),
      }),
    )
    .default([]),
  staticTabs: z
    .array(
      z.looseObject({
        entityId: z.string().optional(),
        name: z.string().optional(),
        contentUrl: z.string().optional(),
        websiteUrl: z.string().optional(),
      }),
    )
    .default([]),
  configurableTabs: z.array(z.looseObject({ configurationUrl: z.string().optional() })).default([]),
  composeExtensions: z
    .array(
      z.looseObject({
        botId: z.string().optional(),
        commands: z.array(z.looseObject({ id: z.string().optional() })).default([]),
        messageHandlers: z
          .array(
            z.looseObject({
              type: z.string(),
              value: z.looseObject({ domains: z.array(z.string()).default([]) }),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  validDomains: z.array(z.string()).default([]),
  webApplicationInfo: z
    .looseObject({ id: z.string().optional(), resource: z.string().optional() })
    .optional(),
  copilotAgents: z
    .looseObject({
      declarativeAgents: z.array(z.looseObject({ id: z.string(), file: z.string() })).default([]),
    })
    .optional(),
});
export type ManifestShape = z.infer<typeof ManifestShape>;

export const DeclarativeAgentShape = z.looseObject({
  version: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  conversation_starters: z
    .array(z.looseObject({ title: z.string().optional(), text: z.string().optional() }))
    .default([]),
  actions: z.array(z.looseObject({ id: z.string(), file: z.string() })).default([]),
});
export type DeclarativeAgentShape = z.infer<typeof DeclarativeAgentShape>;

/** An API plugin manifest (an action of the declarative agent), the parts the checks read. */
export const ApiPluginShape = z.looseObject({
  schema_version: z.string().optional(),
  name_for_human: z.string().optional(),
  description_for_human: z.string().optional(),
  description_for_model: z.string().optional(),
  functions: z
    .array(
      z.looseObject({
        name: z.string(),
        capabilities: z
          .looseObject({
            response_semantics: z
              .looseObject({ static_template: z.looseObject({ file: z.string().optional() }).optional() })
              .optional(),
          })
          .optional(),
      }),
    )
    .default([]),
  runtimes: z
    .array(
      z.looseObject({
        type: z.string().optional(),
        auth: z.looseObject({ type: z.string().optional(), reference_id: z.string().optional() }).optional(),
        spec: z
          .looseObject({ url: z.string().optional(), api_description: z.string().optional() })
          .optional(),
        run_for_functions: z.array(z.string()).optional(),
      }),
    )
    .default([]),
  capabilities: z
    .looseObject({
      conversation_starters: z
        .array(z.looseObject({ title: z.string().optional(), text: z.string().optional() }))
        .default([]),
    })
    .optional(),
});
export type ApiPluginShape = z.infer<typeof ApiPluginShape>;

/** A language file: JSONPath-like keys to strings, plus the agent's localizationKeys map. */
export const LanguageFileShape = z.looseObject({
  localizationKeys: z.record(z.string(), z.string()).optional(),
});
export type LanguageFileShape = z.infer<typeof LanguageFileShape>;
