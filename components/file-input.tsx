// A file field whose button and "no file" line are in the page's language: the browser's own
// file input writes them in the browser's language ("Choose Files", "No file chosen"). The input is named
// by `label` alone: the wrapping <label> also holds the button's and the file names' text.
import type { InputHTMLAttributes } from 'react';
import type { Translate } from '@/lib/i18n';

export function FileInput({ t, names, label, ...input }: { t: Translate; names: readonly string[]; label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'aria-label'>) {
  return (
    <span className="file-input">
      <input type="file" className="sr-only" aria-label={label} {...input} />
      <span className="file-button" aria-hidden="true">
        {t('options.file.choose', { count: input.multiple ? 2 : 1 })}
      </span>
      <span className="file-names small" aria-hidden="true">
        {names.length ? names.join(', ') : t('options.file.none')}
      </span>
    </span>
  );
}
