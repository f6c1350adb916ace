// Tests only: mounts a field in the reader's locale (DateField, TimeField) under a parent that
// keeps its value, and shows that value in an <output> so a test reads what the field handed back.
import { act, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { translator, type UiLocale } from '@/lib/i18n';
import type { LocaleFieldProps } from './time-field';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export async function mountField(Field: ComponentType<LocaleFieldProps>, locale: UiLocale, start: string) {
  function Harness() {
    const [value, setValue] = useState(start);
    return (
      <>
        <Field locale={locale} t={translator(locale)} label="From" value={value} onChange={setValue} />
        <output>{value}</output>
      </>
    );
  }
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => createRoot(root).render(<Harness />));
  return { root, input: root.querySelector('input')!, value: () => root.querySelector('output')!.textContent };
}
