// Imported first by main.tsx. The tab runs under a Content-Security-Policy without 'unsafe-eval'
// (bot/api/edge/security-headers.ts): zod would otherwise probe `Function('')` to decide whether to
// compile its parsers, which the browser reports as a CSP violation even though zod catches it.
import { z } from 'zod';

z.config({ jitless: true });
