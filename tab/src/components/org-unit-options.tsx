// The organisational units as the options of a Select ("BDT · Telecommunication Development Bureau").
import { ORG_UNITS } from '../../../bot/domain/org-unit.js';

/** A unit's code and name, or the code alone when the unit is not (or no longer) known. */
export function unitName(code: string): string {
  const unit = ORG_UNITS.find((u) => u.code === code);
  return unit ? `${unit.code} · ${unit.name}` : code;
}

/** The units' options; `none` first offers "—" (no unit chosen yet). */
export function OrgUnitOptions({ none = false }: { none?: boolean }) {
  return (
    <>
      {none ? <option value="">—</option> : null}
      {ORG_UNITS.map((u) => (
        <option key={u.code} value={u.code}>
          {u.code} · {u.name}
        </option>
      ))}
    </>
  );
}
