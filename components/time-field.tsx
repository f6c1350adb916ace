// A time of day typed and shown in the reader's locale (components/local-time); arrow keys move it
// by a quarter of an hour, as the browser's own time input does.
import { useState } from 'react';
import type { Translate, UiLocale } from '@/lib/i18n';
import { formatLocalTime, parseLocalTime, stepTime } from './local-time';

/** What a field in the reader's locale takes (DateField adds an id and required). */
export interface LocaleFieldProps {
  /** HH:MM for a time, YYYY-MM-DD for a date, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  locale: UiLocale;
  t: Translate;
  label: string;
}

export function TimeField({ value, onChange, locale, t, label }: LocaleFieldProps) {
  const [text, setText] = useState<string | undefined>(undefined);
  const shown = text ?? (value ? formatLocalTime(value, locale) : '');
  const bad = text !== undefined && text.trim() !== '' && parseLocalTime(text) === undefined;
  const commit = (raw: string) => {
    const hhmm = parseLocalTime(raw);
    if (hhmm === undefined) return;
    setText(undefined);
    onChange(hhmm);
  };
  return (
    <input
      className="time-field"
      aria-label={label}
      placeholder={formatLocalTime('14:30', locale)}
      aria-invalid={bad || undefined}
      title={bad ? t('time.unreadable', { example: formatLocalTime('14:30', locale) }) : undefined}
      value={shown}
      size={8}
      onChange={(e) => {
        setText(e.target.value);
        const hhmm = parseLocalTime(e.target.value);
        if (hhmm) onChange(hhmm);
      }}
      onBlur={() => text !== undefined && commit(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && text !== undefined) commit(text);
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        setText(undefined);
        onChange(stepTime(parseLocalTime(text ?? '') ?? (value || '10:00'), e.key === 'ArrowUp' ? 15 : -15));
      }}
    />
  );
}
