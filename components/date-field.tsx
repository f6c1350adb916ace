// A date typed and shown in the reader's locale (en 12/04/2026, zh 2026/12/04), with a calendar
// drawn through Intl (month and weekday names, the locale's first day of the week): the browser's
// own date input follows the browser's language, not the one chosen in Regulars.
import { useId, useRef, useState, type CSSProperties } from 'react';
import { TimeField, type LocaleFieldProps } from './time-field';
import { calendarWeeks, formatLocalDate, parseLocalDate, weekdayNames } from './local-date';

interface Props extends LocaleFieldProps {
  id?: string;
  required?: boolean;
}

export function DateField({ value, onChange, locale, t, label, id, required }: Props) {
  const [text, setText] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(() => (value || todayIso()).slice(0, 7));
  const gridId = useId();
  const box = useRef<HTMLSpanElement>(null);
  // Fixed to the viewport, so a sidebar or a narrow panel that clips its overflow never cuts it.
  const [place, setPlace] = useState<CSSProperties>({});
  const shown = text ?? (value ? formatLocalDate(value, locale) : '');
  const bad = text !== undefined && text.trim() !== '' && parseLocalDate(text, locale) === undefined;

  const commit = (raw: string) => {
    const iso = raw.trim() ? parseLocalDate(raw, locale) : '';
    if (iso === undefined) return;
    setText(undefined);
    onChange(iso);
  };

  const monthTitle = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.parse(`${month}-01T00:00:00Z`));
  const step = (by: number) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const d = new Date(Date.UTC(y, m - 1 + by, 1));
    setMonth(d.toISOString().slice(0, 7));
  };
  const fullDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });

  return (
    <span className="date-field" ref={box}>
      <input
        id={id}
        aria-label={label}
        required={required}
        inputMode="numeric"
        placeholder={t('date.placeholder')}
        aria-invalid={bad || undefined}
        title={bad ? t('date.unreadable', { example: formatLocalDate('2026-12-24', locale) }) : undefined}
        value={shown}
        onChange={(e) => {
          setText(e.target.value);
          const iso = parseLocalDate(e.target.value, locale);
          if (iso) onChange(iso);
          else if (!e.target.value.trim()) onChange('');
        }}
        onBlur={() => text !== undefined && commit(text)}
      />
      <button
        type="button"
        className="date-pick"
        aria-label={t('date.pick')}
        aria-expanded={open}
        aria-controls={gridId}
        onClick={() => {
          if (!open) {
            setMonth((value || todayIso()).slice(0, 7)); // opens on the date chosen, typed or not
            const r = box.current?.getBoundingClientRect();
            if (r) setPlace({ top: r.bottom + 4, left: Math.max(4, Math.min(r.left, window.innerWidth - CALENDAR_WIDTH - 4)) });
          }
          setOpen(!open);
        }}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="1.5" y="2.5" width="13" height="12" rx="2" fill="none" stroke="currentColor" />
          <path d="M1.5 6.5h13M5 1v3M11 1v3" stroke="currentColor" />
        </svg>
      </button>
      {open && (
        <div className="calendar" style={place} id={gridId} role="dialog" aria-label={label} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <div className="calendar-head">
            <button type="button" aria-label={t('date.prevMonth')} onClick={() => step(-1)}>
              ‹
            </button>
            <strong aria-live="polite">{monthTitle}</strong>
            <button type="button" aria-label={t('date.nextMonth')} onClick={() => step(1)}>
              ›
            </button>
          </div>
          <table>
            <thead>
              <tr>
                {weekdayNames(locale).map((d) => (
                  <th key={d.long} scope="col" abbr={d.long}>
                    {d.short}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {calendarWeeks(month, locale).map((week, i) => (
                <tr key={i}>
                  {week.map((day) => (
                    <td key={day.iso}>
                      <button
                        type="button"
                        className={day.inMonth ? undefined : 'muted'}
                        aria-pressed={day.iso === value}
                        aria-label={fullDate.format(Date.parse(`${day.iso}T00:00:00Z`))}
                        onClick={() => {
                          setText(undefined);
                          onChange(day.iso);
                          setOpen(false);
                        }}
                      >
                        {Number(day.iso.slice(8))}
                      </button>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </span>
  );
}

/** A date and a time of day, as <input type="datetime-local"> gives them: "2026-12-04T09:14". */
export function DateTimeField({ value, onChange, ...rest }: Omit<Props, 'id'> & { id?: string }) {
  const [date = '', time = ''] = value.split('T');
  const join = (d: string, tm: string) => onChange(d ? `${d}T${tm || '10:00'}` : '');
  return (
    <span className="date-time-field">
      <DateField {...rest} value={date} onChange={(d) => join(d, time)} />
      <TimeField locale={rest.locale} t={rest.t} label={rest.t('date.time')} value={time} onChange={(tm) => join(date, tm)} />
    </span>
  );
}

const CALENDAR_WIDTH = 232;

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
