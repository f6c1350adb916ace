// A file field whose button and "no file" line are in the page's language: the browser's own
// file input writes them in the browser's language ("Choose Files", "No file chosen").
import type { InputHTMLAttributes } from 'react';
import type { Translate } from '@/lib/i18n';

export function FileInput({ t, names, ...input }: { t: Translate; names: readonly string[] } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <span className="file-input">
      <input type="file" className="sr-only" {...input} />
      <span className="file-button" aria-hidden="true">
        {t('options.file.choose', { count: input.multiple ? 2 : 1 })}
      </span>
      <span className="file-names small" aria-hidden="true">
        {names.length ? names.join(', ') : t('options.file.none')}
      </span>
    </span>
  );
}
