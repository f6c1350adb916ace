// The popup's Today tab: overdue, due today, upcoming, grouped by reason; every row actionable from
// the keyboard. Pure UI: the popup page passes data and actions in.
import { startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
// Straight from time.ts: the domain index brings zod and every schema into the popup's first load.
import { localDayNumber, wallInstant } from '@/lib/domain/time';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import type { TodayRowMessage } from '@/lib/messaging/protocol-reminders';
import { tierName } from '../format';
import { languageName } from '../language-name';
import { DateTimeField } from '../date-field';
import { PAGE } from './today-request';
import { activeCount, FIRST_ROWS, groupedRows, hiddenCount, rowWords, SECTIONS, totalsOf, type TodayData } from './today-layout';

export type { TodayData } from './today-layout';

export interface TodayActions {
  done(id: string, outcome: 'resolved' | 'leftOpen'): Promise<void>;
  snooze(id: string, until: number): Promise<void>;
  assign(id: string, assignee: string): Promise<void>;
  copy(text: string): Promise<void>;
}

export function TodayTab({ t, locale, data, error, actions, mine, onMine, memberId, onShowAll, onMore }: {
  t: Translate;
  locale: UiLocale;
  data?: TodayData | undefined;
  error?: string | undefined;
  actions: TodayActions;
  mine: boolean;
  onMine(mine: boolean): void;
  memberId?: string | undefined;
  onShowAll(): void;
  /** Ask for more rows of every group (the list sends the first few of each). */
  onMore(): void;
}) {
  const [status, setStatus] = useState('');
  const [firstOnly, setFirstOnly] = useState(true);
  const hasData = data !== undefined;
  useEffect(() => {
    if (!hasData || !firstOnly) return;
    const frame = requestAnimationFrame(() => startTransition(() => setFirstOnly(false)));
    return () => cancelAnimationFrame(frame);
  }, [hasData, firstOnly]);
  // Every row drawn: the first screen's answer (`partial`) is followed by the whole list.
  const complete = hasData && !firstOnly && !data.partial;
  useLayoutEffect(() => {
    if (complete) performance.mark('regulars:today-complete');
  }, [complete]);
  let budget = firstOnly ? FIRST_ROWS : Infinity;
  const grouped = useMemo(() => groupedRows(data), [data]);
  const total = useMemo(() => totalsOf(data), [data]);

  const say = (text: string) => setStatus(text);
  const parts = { t, locale, actions, say };
  const suppressed = grouped.get('suppressed');
  const suppressedRows = suppressed ? [...suppressed.values()].flat() : [];
  const active = activeCount(data);

  return (
    // Busy until every row is drawn (the first frame holds only the first FIRST_ROWS, and may have come
    // alone) and while the background is still making reminders (an import just ended: "nothing due"
    // would be false): screen readers and tests wait for it.
    <section className="today" aria-label={t('today.title')} aria-busy={!error && (!complete || data.updating)}>
      <div className="today-bar">
        {memberId ? (
          <>
            <span className="muted small">{t('today.forMember')}</span>
            <button type="button" className="link" onClick={onShowAll}>
              {t('today.showAll')}
            </button>
          </>
        ) : (
          <label className="toggle">
            <input type="checkbox" checked={mine} onChange={(e) => onMine(e.target.checked)} /> {t('today.mine')}
          </label>
        )}
        <span className="muted small keys">{t('today.keys')}</span>
      </div>
      {error && (
        <p className="error-text small" role="alert">
          {t('today.error', { message: error })}
        </p>
      )}
      {!data && !error && <p className="muted small">{t('today.loading')}</p>}
      {data?.updating && <p className="muted small updating" role="status" data-testid="today-updating">{t('today.updating')}</p>}
      {data && !data.updating && active === 0 && <p className="muted empty">{t('today.empty')}</p>}
      {data &&
        SECTIONS.map((section) => {
          const groups = grouped.get(section);
          if (!groups) return null;
          const count = total(section);
          return (
            <div key={section} className={`today-section ${section}`} data-section={section}>
              <h2>
                {t(`today.${section}`)} <span className="count">{count}</span>
              </h2>
              {[...groups].map(([kind, rows]) => {
                const limit = budget;
                budget = Math.max(0, budget - rows.length);
                return <Group key={kind} kind={kind} rows={rows} limit={limit} total={total(section, kind)} onMore={onMore} data={data} {...parts} />;
              })}
            </div>
          );
        })}
      {total('suppressed') > 0 && (
        <details className="today-section suppressed" data-section="suppressed">
          <summary>{t('today.suppressed', { count: total('suppressed') })}</summary>
          <p className="muted small">{t('today.suppressedHelp')}</p>
          <ul className="rows">
            {suppressedRows.map((row) => (
              <li key={row.id} className="row" data-reminder={row.id}>
                <div className="who">
                  <strong>{row.memberName}</strong>
                  <span className="reason muted small">
                    {row.kind ? t(`journey.kind.${row.kind}`) : row.reason} · {t('journey.suppressed.doNotContact')}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className={status ? 'toast small' : 'sr-only'} role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

type RowParts = { t: Translate; locale: UiLocale; data: TodayData; actions: TodayActions; say(s: string): void };
type GroupProps = { kind: string; rows: TodayRowMessage[]; limit: number; total: number; onMore(): void } & RowParts;
function Group({ kind, rows, limit, total, onMore, ...parts }: GroupProps) {
  const [shown, setShown] = useState(PAGE);
  const hidden = hiddenCount(parts.data, total, shown, rows.length);
  return (
    <div className="group" data-kind={kind}>
      <h3>
        {parts.t(`journey.kind.${kind}` as MessageKey)} <span className="count">{total}</span>
      </h3>
      <ul className="rows">
        {rows.slice(0, Math.min(shown, limit)).map((row) => (
          <Row key={row.id} row={row} {...parts} />
        ))}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          className="link small"
          onClick={() => {
            setShown(shown + PAGE * 5);
            if (rows.length < total) onMore();
          }}
        >
          {parts.t('today.more', { count: hidden })}
        </button>
      )}
    </div>
  );
}

function focusSibling(from: HTMLElement, delta: number) {
  const all = [...(from.closest('.today')?.querySelectorAll<HTMLElement>('li.row[tabindex]') ?? [])];
  all[all.indexOf(from) + delta]?.focus();
}

function Row({ row, t, locale, data, actions, say }: { row: TodayRowMessage } & RowParts) {
  const [menu, setMenu] = useState<'snooze' | 'assign' | undefined>();
  const [pick, setPick] = useState('');
  const tomorrow = () => wallInstant(localDayNumber(data.now, data.timeZone) + 1, 9 * 60, data.timeZone);
  // The browser may refuse the clipboard: the message is then shown selected, for Ctrl+C by hand.
  // Selected once per refused copy, not at every drawing of the list (that would take the focus
  // from wherever the agent had gone since).
  const [byHand, setByHand] = useState(0);
  const byHandBox = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (byHand) byHandBox.current?.select();
  }, [byHand]);
  const copy = async () => {
    try {
      await actions.copy(row.message);
      setByHand(0);
      say(t('today.copied'));
    } catch {
      setByHand((n) => n + 1);
      say(t('today.copyByHand'));
    }
  };
  const onKey = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget) return;
    const key = e.key.toLowerCase();
    if (key === 'arrowdown' || key === 'j') {
      e.preventDefault();
      focusSibling(e.currentTarget, 1);
    } else if (key === 'arrowup' || key === 'k') {
      e.preventDefault();
      focusSibling(e.currentTarget, -1);
    } else if (key === 'c') void copy();
    else if (key === 'd') {
      focusSibling(e.currentTarget, 1);
      void actions.done(row.id, 'resolved');
    } else if (key === 's') {
      focusSibling(e.currentTarget, 1);
      void actions.snooze(row.id, data.now + 3_600_000);
    }
  };
  const words = rowWords(row, data, t, locale);
  return (
    <li className="row" tabIndex={0} data-reminder={row.id} onKeyDown={onKey} aria-label={words.label}>
      <div className="who">
        <strong className="name">{row.memberName}</strong>
        <span className="tier" style={{ ['--tier' as string]: row.tier.color }}>
          {tierName(row.tier, t)}
        </span>
        <span className="due muted small" title={words.at}>
          {words.due}
        </span>
      </div>
      <div className="what small">
        <span className="reason">{words.reason}</span>
        {row.orderNo && <span className="muted"> · {t('today.order', { orderNo: row.orderNo })}</span>}
        {row.amount && <span className="muted"> · {row.amount}</span>}
        {row.assignee && <span className="muted"> · {t('today.assigned', { name: row.assignee })}</span>}
      </div>
      {row.benefits && (
        <div className="small benefits" data-testid="today-benefits">
          {t('benefits.line', { benefits: row.benefits })}
        </div>
      )}
      <div className="actions">
        <button type="button" className="small" onClick={() => void copy()} title={row.language ? t('today.language', { language: languageName(row.language, locale) }) : undefined}>
          {t('today.copy')}
          {row.language && row.language !== locale && <span className="lang-chip"> {row.language}</span>}
        </button>
        <button type="button" className="small primary" onClick={() => void actions.done(row.id, 'resolved')}>
          {t('today.done')}
        </button>
        {row.kind === 'followUp' && (
          <button type="button" className="small" onClick={() => void actions.done(row.id, 'leftOpen')}>
            {t('today.leftOpen')}
          </button>
        )}
        <button type="button" className="small" aria-expanded={menu === 'snooze'} onClick={() => setMenu(menu === 'snooze' ? undefined : 'snooze')}>
          {t('today.snooze')}
        </button>
        <button type="button" className="small" aria-expanded={menu === 'assign'} onClick={() => setMenu(menu === 'assign' ? undefined : 'assign')}>
          {t('today.assign')}
        </button>
      </div>
      {byHand > 0 && <textarea className="by-hand small" readOnly value={row.message} aria-label={t('today.copy')} ref={byHandBox} rows={3} />}
      {menu === 'snooze' && (
        <div className="menu" role="group" aria-label={t('today.snooze')}>
          <button type="button" className="small" onClick={() => void actions.snooze(row.id, data.now + 3_600_000)}>
            {t('today.snooze1h')}
          </button>
          <button type="button" className="small" onClick={() => void actions.snooze(row.id, tomorrow())}>
            {t('today.snoozeTomorrow')}
          </button>
          <DateTimeField locale={locale} t={t} label={t('today.snoozePick')} value={pick} onChange={setPick} />
          <button type="button" className="small" disabled={!pick || new Date(pick).getTime() <= data.now} onClick={() => void actions.snooze(row.id, new Date(pick).getTime())}>
            {t('today.snoozeSet')}
          </button>
        </div>
      )}
      {menu === 'assign' && (
        <div className="menu" role="group" aria-label={t('today.assign')}>
          <select aria-label={t('today.assign')} value={row.assignee ?? ''} onChange={(e) => void actions.assign(row.id, e.target.value).then(() => setMenu(undefined))}>
            <option value="">{t('today.assignNobody')}</option>
            {data.assignees.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
    </li>
  );
}
