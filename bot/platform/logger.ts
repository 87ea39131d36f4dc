import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';

export type { Logger };

/** Paths pino blanks out wherever they appear: tokens, passwords, secrets, connection strings. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  '*.authorization',
  '*.password',
  '*.secret',
  '*.clientSecret',
  '*.token',
  '*.accessToken',
  '*.connectionString',
  'config.bot.password',
  'config.auth.clientSecret',
  'config.azureStorage.connectionString',
];

export function createLogger(config: Pick<Config, 'log'>, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level: config.log.level,
    base: { app: 'transformation-hub' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  if (config.log.format === 'pretty') {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  return pino(options);
}
