// A labelled <select>: the option list the settings pages share (platforms, saved segments…).
export interface Choice {
  value: string;
  label: string;
}

export function ChoiceField({ label, value, onChange, choices, empty, id, ariaLabel }: {
  label: string;
  value: string;
  onChange(value: string): void;
  choices: readonly Choice[];
  /** The label of a first option with the value '' (detect, none, everyone…). */
  empty?: string | undefined;
  id?: string | undefined;
  /** The accessible name when it must differ from the visible label. */
  ariaLabel?: string | undefined;
}) {
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <select id={id} aria-label={ariaLabel ?? label} value={value} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
