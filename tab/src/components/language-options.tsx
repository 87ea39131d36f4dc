// The six languages as the options of a Select, each named in its own language (and marked with it).
import { LOCALE_NAMES, SUPPORTED_LOCALES } from '../../../bot/domain/locale.js';

export function LanguageOptions() {
  return (
    <>
      {SUPPORTED_LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </>
  );
}
