// The popup's first frame, drawn without React by its first script (entrypoints/popup/early.ts) as
// soon as Today's answer is in, before React's code has loaded: the very elements, classes,
// attributes and words React's first render of the page makes (popup-page.tsx, popup/tabs.tsx,
// popup/today.tsx), text node for text node, so React hydrates it (takes it over in place) instead
// of drawing it again. A test hydrates one with the other and fails on any difference.
import type { MessageKey } from '@/lib/i18n/en';
import type { Translate, UiLocale } from '@/lib/i18n/locales';
import type { TodayRowMessage } from '@/lib/messaging/protocol-reminders';
import { tierName } from '@/lib/i18n/tier-name';
import { languageName } from '../language-name';
import { PAGE } from './today-request';
import { activeCount, dueCount, FIRST_ROWS, groupedRows, hiddenCount, rowWords, SECTIONS, totalsOf, type TodayData } from './today-layout';

export interface FirstFrame {
  t: Translate;
  locale: UiLocale;
  data: TodayData;
  /** The first-run questions are not answered yet (settings.setupAt === null). */
  setupNeeded: boolean;
  /** Today for one member (the popup opened from a panel). */
  memberId?: string | undefined;
}

/** Markup made by `element`, apart from text to be escaped. */
class Html {
  constructor(readonly html: string) {}
}
type Child = Html | string | false | undefined;

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => escapes[c]!);

/**
 * One element's markup: attributes left undefined are not set; each string child is a text node of
 * its own, as React makes them (two in a row are parted by an empty comment, as React's server
 * markup parts them, which hydration skips). The frame is parsed once (innerHTML): made node by
 * node, the DOM calls were some 12 of the frame's 26 ms of script in a profile of the popup's opens
 * (machine load ~15). Text and attribute values are escaped: member names come from chats.
 */
function element(tag: string, attributes: Record<string, string | undefined>, ...children: Child[]): Html {
  let html = `<${tag}`;
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) html += ` ${name}="${escape(value)}"`;
  html += '>';
  if (tag === 'input') return new Html(html);
  let text = false;
  for (const child of children) {
    if (child === false || child === undefined || child === '') continue;
    if (child instanceof Html) html += child.html;
    else html += `${text ? '<!-- -->' : ''}${escape(child)}`;
    text = !(child instanceof Html);
  }
  return new Html(`${html}</${tag}>`);
}

/** The whole popup as React first draws it with Today's answer in: header, tabs, Today, footer. */
export function drawFirstFrame(root: HTMLElement, frame: FirstFrame): void {
  const { t } = frame;
  const h = element;
  const badge = dueCount(frame.data);
  const tab = (id: string, label: string, selected: boolean, count?: number) =>
    h(
      'button',
      { type: 'button', role: 'tab', 'data-tab': id, id: `tab-${id}`, 'aria-selected': String(selected), 'aria-controls': `panel-${id}`, tabindex: selected ? '0' : '-1' },
      label,
      count ? h('span', { class: 'count' }, String(count)) : undefined,
    );
  const popup = h(
    'main',
    { class: 'popup' },
    h('header', {}, h('span', { class: 'logo', 'aria-hidden': 'true' }, 'R'), t('app.name'), h('button', { type: 'button', class: 'show-here', title: t('popup.showHelp') }, t('popup.show'))),
    frame.setupNeeded && h('div', { class: 'setup-needed', role: 'status' }, h('p', {}, t('setup.popup')), h('button', { type: 'button', class: 'primary' }, t('setup.popupOpen'))),
    h('div', { class: 'tabs', role: 'tablist' }, tab('today', t('tabs.today'), true, badge), tab('segments', t('segments.tab'), false)),
    h('div', { role: 'tabpanel', id: 'panel-today', 'aria-labelledby': 'tab-today' }, today(h, frame)),
    h('div', { class: 'foot' }, h('span', {}), h('button', { type: 'button' }, t('popup.settings'))),
  );
  root.innerHTML = popup.html;
}

type H = typeof element;

function today(h: H, { t, locale, data, memberId }: FirstFrame): Html {
  const grouped = groupedRows(data);
  const total = totalsOf(data);
  let budget = FIRST_ROWS;
  const bar = memberId
    ? [h('span', { class: 'muted small' }, t('today.forMember')), h('button', { type: 'button', class: 'link' }, t('today.showAll'))]
    : [h('label', { class: 'toggle' }, h('input', { type: 'checkbox' }), ' ', t('today.mine'))];
  const sections = SECTIONS.map((section) => {
    const groups = grouped.get(section);
    if (!groups) return undefined;
    const kinds = [...groups].map(([kind, rows]) => {
      const limit = budget;
      budget = Math.max(0, budget - rows.length);
      const hidden = hiddenCount(data, total(section, kind), PAGE, rows.length);
      return h(
        'div',
        { class: 'group', 'data-kind': kind },
        h('h3', {}, t(`journey.kind.${kind}` as MessageKey), ' ', h('span', { class: 'count' }, String(total(section, kind)))),
        h('ul', { class: 'rows' }, ...rows.slice(0, Math.min(PAGE, limit)).map((row) => rowOf(h, row, data, t, locale))),
        hidden > 0 && h('button', { type: 'button', class: 'link small' }, t('today.more', { count: hidden })),
      );
    });
    return h('div', { class: `today-section ${section}`, 'data-section': section }, h('h2', {}, t(`today.${section}`), ' ', h('span', { class: 'count' }, String(total(section)))), ...kinds);
  });
  // Folded away at first: the first screen's answer sends none of these rows, only how many.
  const suppressed = [...(grouped.get('suppressed')?.values() ?? [])].flat();
  return h(
    'section',
    { class: 'today', 'aria-label': t('today.title'), 'aria-busy': 'true' },
    h('div', { class: 'today-bar' }, ...bar, h('span', { class: 'muted small keys' }, t('today.keys'))),
    data.updating && h('p', { class: 'muted small updating', role: 'status', 'data-testid': 'today-updating' }, t('today.updating')),
    !data.updating && activeCount(data) === 0 && h('p', { class: 'muted empty' }, t('today.empty')),
    ...sections,
    total('suppressed') > 0 &&
      h(
        'details',
        { class: 'today-section suppressed', 'data-section': 'suppressed' },
        h('summary', {}, t('today.suppressed', { count: total('suppressed') })),
        h('p', { class: 'muted small' }, t('today.suppressedHelp')),
        h(
          'ul',
          { class: 'rows' },
          ...suppressed.map((row) =>
            h(
              'li',
              { class: 'row', 'data-reminder': row.id },
              h('div', { class: 'who' }, h('strong', {}, row.memberName), h('span', { class: 'reason muted small' }, row.kind ? t(`journey.kind.${row.kind}`) : row.reason, ' · ', t('journey.suppressed.doNotContact'))),
            ),
          ),
        ),
      ),
    h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' }),
  );
}

function rowOf(h: H, row: TodayRowMessage, data: TodayData, t: Translate, locale: UiLocale): Html {
  const words = rowWords(row, data, t, locale);
  const muted = (text: string | false | undefined) => text && h('span', { class: 'muted' }, ' · ', text);
  const small = (label: string, attributes: Record<string, string | undefined> = {}) => h('button', { type: 'button', class: 'small', ...attributes }, label);
  return h(
    'li',
    { class: 'row', tabindex: '0', 'data-reminder': row.id, 'aria-label': words.label },
    h('div', { class: 'who' }, h('strong', { class: 'name' }, row.memberName), h('span', { class: 'tier', style: `--tier:${row.tier.color}` }, tierName(row.tier, t)), h('span', { class: 'due muted small', title: words.at }, words.due)),
    h(
      'div',
      { class: 'what small' },
      h('span', { class: 'reason' }, words.reason),
      muted(row.orderNo && t('today.order', { orderNo: row.orderNo })),
      muted(row.amount),
      muted(row.assignee && t('today.assigned', { name: row.assignee })),
    ),
    row.benefits && h('div', { class: 'small benefits', 'data-testid': 'today-benefits' }, t('benefits.line', { benefits: row.benefits })),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'small', title: row.language ? t('today.language', { language: languageName(row.language, locale) }) : undefined },
        t('today.copy'),
        row.language && row.language !== locale && h('span', { class: 'lang-chip' }, ' ', row.language),
      ),
      h('button', { type: 'button', class: 'small primary' }, t('today.done')),
      row.kind === 'followUp' && small(t('today.leftOpen')),
      small(t('today.snooze'), { 'aria-expanded': 'false' }),
      small(t('today.assign'), { 'aria-expanded': 'false' }),
    ),
  );
}
