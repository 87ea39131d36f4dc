// The app's version for the User-Agent that SharePoint asks callers to send
// ("NONISV|Company|App/Version", PLATFORM-FACTS F8), read once from the nearest package.json so that
// it is right both from the sources (tsx) and from dist/.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const PackageJson = z.object({ name: z.string(), version: z.string() }).loose();

let cached: string | undefined;

export function appVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    try {
      const parsed = PackageJson.safeParse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
      if (parsed.success && parsed.data.name === 'transformation-hub') {
        cached = parsed.data.version;
        return cached;
      }
    } catch {
      // not here; look one level up
    }
    dir = dirname(dir);
  }
  cached = '0.0.0';
  return cached;
}

export function graphUserAgent(version = appVersion()): string {
  return `NONISV|ITU|TransformationHub/${version}`;
}
