// Loaded by index.html before the app's modules. The tab runs under a Content-Security-Policy without
// 'unsafe-eval' (bot/api/edge/security-headers.ts); zod would otherwise probe `Function('')` while
// its schemas are built, which the browser reports as a violation even though zod catches it. zod
// reads this configuration object from globalThis when it loads, hence a classic script of its own.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
