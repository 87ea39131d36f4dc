// Cross-field rules the JSON schema cannot express: the tab, link unfurling and SSO all point at
// the same domain, and the message extension is served by the app's own bot.
import type { ManifestShape } from './manifest-shape.js';
import { problem, type Problem } from './problems.js';

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

export function checkManifestCoherence(manifest: ManifestShape, file: string): Problem[] {
  const problems: Problem[] = [];
  const domains = new Set(manifest.validDomains.map((d) => d.toLowerCase()));
  const needDomain = (where: string, url: string | undefined) => {
    if (url === undefined) return;
    const host = hostOf(url);
    if (!host) problems.push(problem('manifest', file, `${where} "${url}" is not a URL`));
    else if (!domains.has(host))
      problems.push(problem('manifest', file, `${where} is on ${host}, which is not in validDomains`));
  };
  manifest.staticTabs.forEach((tab, i) => {
    needDomain(`staticTabs[${i}].contentUrl`, tab.contentUrl);
    needDomain(`staticTabs[${i}].websiteUrl`, tab.websiteUrl);
  });
  manifest.configurableTabs.forEach((tab, i) =>
    needDomain(`configurableTabs[${i}].configurationUrl`, tab.configurationUrl),
  );

  const botIds = new Set(manifest.bots.map((b) => b.botId?.toLowerCase()));
  manifest.composeExtensions.forEach((extension, e) => {
    if (extension.botId && !botIds.has(extension.botId.toLowerCase())) {
      problems.push(problem('manifest', file, `composeExtensions[${e}].botId is not the app's bot`));
    }
    const searches = extension.commands.filter((c) => (c.type ?? 'query') === 'query');
    if (searches.length === 0) {
      problems.push(
        problem(
          'manifest',
          file,
          `composeExtensions[${e}] has no search command; Copilot uses only search commands`,
        ),
      );
    }
    extension.messageHandlers.forEach((handler, h) =>
      handler.value.domains.forEach((domain) => {
        if (!domains.has(domain.toLowerCase())) {
          problems.push(
            problem(
              'manifest',
              file,
              `composeExtensions[${e}].messageHandlers[${h}] unfurls ${domain}, which is not in validDomains`,
            ),
          );
        }
      }),
    );
  });

  const sso = manifest.webApplicationInfo;
  if (sso?.resource !== undefined) {
    const m = /^api:\/\/([^/]+)\/(.+)$/.exec(sso.resource);
    if (!m) {
      problems.push(
        problem(
          'manifest',
          file,
          `webApplicationInfo.resource must look like api://<tab domain>/<client id>`,
        ),
      );
    } else {
      if (!domains.has((m[1] ?? '').toLowerCase())) {
        problems.push(
          problem(
            'manifest',
            file,
            `webApplicationInfo.resource is on ${m[1] ?? ''}, which is not the tab's domain`,
          ),
        );
      }
      if ((m[2] ?? '').toLowerCase() !== (sso.id ?? '').toLowerCase()) {
        problems.push(
          problem('manifest', file, `webApplicationInfo.resource must end with webApplicationInfo.id`),
        );
      }
    }
  }
  return problems;
}
