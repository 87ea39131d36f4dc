// Shared zod building blocks: identifiers, dates and user text. Every string a person can type goes
// through `text()` so that control characters and oversize input are refused at the boundary.
import { z } from 'zod';

/** Identifiers are opaque, URL-safe and short. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { error: 'invalid identifier' });
export type Id = z.infer<typeof Id>;

/** Calendar date, YYYY-MM-DD, validated as a real date. */
export const IsoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant, ISO 8601 with offset (the app always writes UTC "Z"). */
export const IsoDateTime = z.iso.datetime({ offset: true, error: 'expected a date and time in ISO 8601' });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

export const Version = z.number().int().min(1);

// C0 controls except tab/newline/carriage return, DEL, C1 controls, and bidi/format overrides that
// can disguise text (U+202A-U+202E, U+2066-U+2069).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const FORBIDDEN_IN_LINE = /[\r\n\t]/;

/** Multi-line user text: trimmed, bounded, no control characters. */
export function text(max: number, min = 0) {
  return z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(min, { error: min <= 1 ? 'required' : `at least ${min} characters` })
        .max(max, { error: `at most ${max} characters` })
        .refine((s) => !FORBIDDEN_CHARS.test(s), { error: 'contains characters that are not allowed' }),
    );
}

/** Single-line user text (titles, names). */
export function line(max: number, min = 1) {
  return text(max, min).refine((s) => !FORBIDDEN_IN_LINE.test(s), { error: 'must be a single line' });
}

export const Email = z.email({ error: 'expected an e-mail address' }).max(254);

type PatchShape<Shape extends z.core.$ZodShape> = {
  -readonly [K in keyof Shape]: z.ZodOptional<Shape[K] extends z.ZodDefault<infer Inner> ? Inner : Shape[K]>;
};

/**
 * The schema of a partial update: every field optional and without its default. With `.partial()` a
 * field the caller left out would come back filled with its default and, merged over the stored
 * record, reset it (a title edit would put a project back to `proposed` and drop its leads).
 */
export function patchOf<Shape extends z.core.$ZodShape, Config extends z.core.$ZodObjectConfig>(
  schema: z.ZodObject<Shape, Config>,
): z.ZodObject<PatchShape<Shape>, Config> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return schema.extend(shape) as unknown as z.ZodObject<PatchShape<Shape>, Config>;
}

/** Only https links (evidence links, documents). */
export const HttpsUrl = z.url({ protocol: /^https$/, error: 'expected an https:// link' }).max(2048);

/** Whole days between two calendar dates (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * The format `cache` keeps for `timeZone`, made on first use: building a DateTimeFormat costs far
 * more than using one, so each use keeps one per zone.
 */
export function zoneFormat(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  make: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = make();
    cache.set(timeZone, format);
  }
  return format;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

// The last answer per zone, by minute: since 1980 every zone's offset is a whole number of minutes,
// so the date cannot change inside a minute (earlier instants are always worked out).
const lastDates = new Map<string, { minute: number; date: IsoDate }>();
const CACHED_FROM = Date.UTC(1980, 0, 1);

/** The calendar date of an instant in a time zone. */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  const ms = instant.getTime();
  const minute = Math.floor(ms / 60_000);
  const last = lastDates.get(timeZone);
  if (last?.minute === minute && ms >= CACHED_FROM) return last.date;
  const format = zoneFormat(
    dateFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  );
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  if (ms >= CACHED_FROM) lastDates.set(timeZone, { minute, date });
  return date;
}
