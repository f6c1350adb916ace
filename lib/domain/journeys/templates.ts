// Message templates per reason: the agent copies the filled text into the chat. Regulars never sends.
import { z } from 'zod';

export const TEMPLATE_FIELDS = ['name', 'orderNo', 'tier', 'amount', 'holiday', 'carrier', 'trackingNo', 'shipment', 'gift'] as const;
export type TemplateValues = Partial<Record<(typeof TEMPLATE_FIELDS)[number], string>>;

export const templateSchema = z
  .string()
  .max(1000)
  .refine((t) => [...t.matchAll(/\{(\w+)\}/g)].every((m) => (TEMPLATE_FIELDS as readonly string[]).includes(m[1]!)), {
    message: `a template may use only ${TEMPLATE_FIELDS.map((f) => `{${f}}`).join(', ')}`,
    params: { reason: 'templateFields' },
  });

/** The template with its placeholders filled; a value that isn't known leaves no trace. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, name: string) => ((TEMPLATE_FIELDS as readonly string[]).includes(name) ? (values[name as keyof TemplateValues] ?? '') : whole))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\s+([,.!?，。！？])/g, '$1')
    .trim();
}
