// The options of a Select from a list of values and how each is named ("—" first when none is chosen).
export function Options<T extends string | number>({
  values,
  label,
  none,
  lang = false,
}: {
  values: readonly T[];
  label: (value: T) => string;
  /** Offered first with the value '' (nothing chosen yet, or "not set"). */
  none?: string;
  /** Each option is in its own language (a language's name in that language). */
  lang?: boolean;
}) {
  return (
    <>
      {none !== undefined ? <option value="">{none}</option> : null}
      {values.map((v) => (
        <option key={v} value={v} lang={lang ? String(v) : undefined}>
          {label(v)}
        </option>
      ))}
    </>
  );
}
