// The logging the storage adapters need: structured object first, message second (pino's shape, so
// the composition root passes its pino logger). Nothing here ever logs a header, a token, a secret or
// a paging/delta token; URLs are logged as paths.
export interface StorageLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type GraphLogger = StorageLogger;

const noop = (): void => undefined;

export const silentLogger: StorageLogger = { debug: noop, info: noop, warn: noop, error: noop };
