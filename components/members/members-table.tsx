// The members table: TanStack Table (sorting, column choice, selection) over rows virtualised with
// TanStack Virtual, so 100k members scroll as smoothly as 100. Rows have one fixed height: no
// measuring while scrolling.
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TierStep } from '@/lib/domain';
import type { PointsSettings } from '@/lib/domain/points';
import type { Translate, UiLocale } from '@/lib/i18n';
import { money, shortDate, tierName } from '../format';
import { tagLabel } from '../panel/tags';
import type { MemberList } from '../../lib/member-list/member-list';
import { segmentLabel } from './rfm-groups';
import { columnComparators, columnIds, COLUMNS, DEFAULT_HIDDEN, DESC_FIRST, pointsColumn, sortRows, type ColumnId } from './table-columns';

// TanStack Table keeps the columns, their order, visibility and the sort the user picked. The rows
// are member indices into the page's MemberList (member-list.ts), sorted here; they never become
// TanStack row objects: at 100k members those were some 400k objects (a row, two caches and a
// sub-row list each) for the garbage collector to walk while the table scrolls (manualSorting: the
// table does not sort or build a row model of its own).
const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
/** TanStack's row type: never made (the table has no data). */
type TableRow = { member: number };
const helper = createColumnHelper<typeof features, TableRow>();

export const ROW_HEIGHT = 36;

/**
 * The ids of the members ticked. A set, not an object keyed by id: reading an object by 100k ids
 * interns every id (a second copy of each, in the string table that every collection walks).
 */
export type Selection = ReadonlySet<string>;
export const NO_SELECTION: Selection = new Set();

const NO_DATA: TableRow[] = [];

export interface MembersTableProps {
  list: MemberList;
  /** Member indices into `list`, in the order they came (filtered and searched). */
  rows: Uint32Array;
  t: Translate;
  locale: UiLocale;
  timeZone: string;
  tiers: readonly TierStep[];
  selection: Selection;
  onSelectionChange(next: Selection): void;
  hrefFor(memberId: string): string;
  /** The shop's points settings and currency: the points column is offered when points are on. */
  points?: { settings: PointsSettings; shopCurrency: string } | undefined;
}

export function MembersTable({ list, rows, t, locale, timeZone, tiers, selection, onSelectionChange, hrefFor, points }: MembersTableProps) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'spend', desc: true }]);
  const [visibility, setVisibility] = useState<ColumnVisibilityState>(DEFAULT_HIDDEN);
  const tierById = useMemo(() => new Map(tiers.map((s) => [s.id, s])), [tiers]);

  const pointsAt = useMemo(
    () => (points?.settings.enabled ? pointsColumn(list, points.settings, points.shopCurrency) : undefined),
    [list, points?.settings, points?.shopCurrency],
  );
  const ids = useMemo(() => columnIds(pointsAt !== undefined), [pointsAt]);
  const compare = useMemo(() => columnComparators(list, tiers, pointsAt), [list, tiers, pointsAt]);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({ id: 'select', enableHiding: false, enableSorting: false, header: '', cell: '' }),
        ...ids.map((id) =>
          // An accessor column, so TanStack offers sorting; with no data its accessor is never called.
          helper.accessor(() => null, { id, enableSorting: compare[id] !== undefined, sortDescFirst: DESC_FIRST.has(id), header: '', cell: '' }),
        ),
      ]),
    [compare, ids],
  );
  const table = useTable({
    features,
    columns,
    data: NO_DATA,
    manualSorting: true,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    enableSortingRemoval: false,
  });
  const sorted = useMemo(() => sortRows(rows, sorting, compare), [rows, sorting, compare]);
  const visibleKey = table.getVisibleLeafColumns().map((c) => c.id).filter((id) => id in COLUMNS).join(',');
  const visible = useMemo(() => visibleKey.split(',') as ColumnId[], [visibleKey]);
  const grid = `36px ${visible.map((id) => COLUMNS[id].width).join(' ')}`;
  const selectedShown = useMemo(() => (selection.size ? sorted.reduce((n, i) => n + (selection.has(list.id(i)) ? 1 : 0), 0) : 0), [list, sorted, selection]);
  const allShown = sorted.length > 0 && selectedShown === sorted.length;

  const cell = useCallback((id: ColumnId, i: number) => {
    switch (id) {
      case 'name': {
        const name = list.name(i);
        return (
          <a href={hrefFor(list.id(i))} aria-label={t('segments.table.open', { name })}>
            {name}
          </a>
        );
      }
      case 'handles': return list.handles(i);
      case 'tier': {
        const tierId = list.tierId(i);
        const step = tierById.get(tierId);
        return <span className="tier-dot" style={{ ['--tier' as string]: step?.color ?? '#888' }}>{step ? tierName(step, t) : tierId}</span>;
      }
      case 'segment': return segmentLabel(list.segment(i), t);
      case 'tags': return list.tags(i).map((tag) => tagLabel(tag, t)).join(', ');
      case 'orders': return list.orderCount(i).toLocaleString(locale);
      case 'spend': return money(list.spendMinor(i), list.currency(i), locale);
      case 'average': return list.orderCount(i) ? money(list.averageOrderMinor(i), list.currency(i), locale) : '—';
      case 'points': return pointsAt ? pointsAt(i).toLocaleString(locale) : '';
      case 'lastOrder': return shortDate(list.lastOrderAt(i), locale, timeZone);
      case 'firstOrder': return shortDate(list.firstOrderAt(i), locale, timeZone);
      case 'phone': return list.phone(i);
      case 'dnc': return list.doNotContact(i) ? <span className="dnc">{t('dnc')}</span> : '';
    }
  }, [list, t, locale, timeZone, tierById, hrefFor, pointsAt]);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const onToggle = useCallback((id: string, on: boolean) => {
    const next = new Set(selectionRef.current);
    if (on) next.add(id);
    else next.delete(id);
    onSelectionChange(next);
  }, [onSelectionChange]);

  return (
    <div className="members-table" style={{ ['--grid' as string]: grid }}>
      <div className="mt-toolbar">
        <details className="columns">
          <summary>{t('segments.table.columns')}</summary>
          <div className="menu">
            {ids.map((id) => (
              <label key={id}>
                <input type="checkbox" checked={visibility[id] !== false} onChange={(e) => setVisibility({ ...visibility, [id]: e.target.checked })} /> {t(COLUMNS[id].label)}
              </label>
            ))}
          </div>
        </details>
      </div>
      {/* The column menu sits outside the table role: a table holds rows only (axe: aria-required-children). */}
      <div className="mt-table" role="table" aria-label={t('members.title')} aria-rowcount={sorted.length + 1}>
        <div className="mt-head" role="row" aria-rowindex={1}>
          <span role="columnheader" className="check">
            <input
              type="checkbox"
              aria-label={t('segments.table.selectAll', { count: sorted.length.toLocaleString(locale) })}
              checked={allShown}
              ref={(el) => {
                if (el) el.indeterminate = selectedShown > 0 && !allShown;
              }}
              onChange={() => {
                const next = new Set(selection);
                for (const i of sorted) {
                  if (allShown) next.delete(list.id(i));
                  else next.add(list.id(i));
                }
                onSelectionChange(next);
              }}
            />
          </span>
          {visible.map((id) => {
            const column = table.getColumn(id);
            const dir = column?.getIsSorted();
            return (
              <span key={id} role="columnheader" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'} className={`c-${id}`}>
                {column?.getCanSort() ? (
                  <button type="button" className="sort" onClick={column.getToggleSortingHandler()}>
                    {t(COLUMNS[id].label)}
                    <span aria-hidden="true" className="arrow">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}</span>
                  </button>
                ) : (
                  t(COLUMNS[id].label)
                )}
              </span>
            );
          })}
        </div>
        {sorted.length === 0 ? (
          <p className="empty">{t('segments.table.none')}</p>
        ) : (
          <VirtualBody list={list} rows={sorted} visible={visible} selection={selection} onToggle={onToggle} cell={cell} t={t} />
        )}
      </div>
    </div>
  );
}

type BodyProps = {
  list: MemberList;
  rows: Uint32Array;
  visible: readonly ColumnId[];
  selection: Selection;
  onToggle(id: string, on: boolean): void;
  cell(id: ColumnId, member: number): React.ReactNode;
  t: Translate;
};

function VirtualBody({ list, rows, visible, selection, onToggle, cell, t }: BodyProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // Stable options: new ones on every render make the virtualizer re-measure every row (O(rows)
  // per scrolled frame: 33 ms frames at 100k members). Rows are keyed below, not by the virtualizer.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: useCallback(() => scroller.current, []),
    estimateSize: useCallback(() => ROW_HEIGHT, []),
    // Rows drawn beyond the window each side. A scrollbar jump redraws every row drawn, and their
    // text layout is most of such a frame: 8 each side made jump frames of 30-35 ms at 100k
    // members, a hair from the next vsync (50 ms); 3 take a third off.
    overscan: 3,
  });
  const items = virtualizer.getVirtualItems();
  // Rows are keyed by their slot, not by member: the row scrolled out of view is the one that
  // shows the member scrolling in, with new text in the same elements. Keyed by member, every frame
  // made new rows and dropped old ones, and sweeping those dropped elements stalled the page for
  // 90 ms at times (Blink's own garbage collector, seen in a trace at 100k members). For a slot to
  // pass from the row leaving to the row coming, exactly `slots` consecutive rows render: the
  // virtualizer's range, widened. The count only grows (a taller window), so it holds while scrolling.
  const pool = useRef(0);
  if (items.length > pool.current) pool.current = items.length + 3;
  const slots = Math.min(pool.current, rows.length);
  const first = Math.max(0, Math.min(items[0]?.index ?? 0, rows.length - slots));
  return (
    <div className="mt-body" ref={scroller} data-testid="members-scroller" role="rowgroup">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {Array.from({ length: slots }, (_, k) => {
          const index = first + k;
          const member = rows[index]!;
          return (
            <MemberRowView
              key={index % slots}
              list={list}
              member={member}
              index={index}
              start={index * ROW_HEIGHT}
              on={selection.size > 0 && selection.has(list.id(member))}
              visible={visible}
              onToggle={onToggle}
              cell={cell}
              t={t}
            />
          );
        })}
      </div>
    </div>
  );
}

// While scrolling the rows render again with the members now in their slots (cheap: text in the
// same elements); with nothing scrolled they keep their props and skip.
const MemberRowView = memo(function MemberRowView({ list, member, index, start, on, visible, onToggle, cell, t }: { list: MemberList; member: number; index: number; start: number; on: boolean; visible: readonly ColumnId[]; onToggle(id: string, on: boolean): void; cell: BodyProps['cell']; t: Translate }) {
  const id = list.id(member);
  return (
    <div role="row" aria-rowindex={index + 2} aria-selected={on} className={list.doNotContact(member) ? 'mt-row dnc-row' : 'mt-row'} data-member-id={id} style={{ top: start }}>
      <span role="cell" className="check">
        <input type="checkbox" aria-label={t('segments.table.select', { name: list.name(member) })} checked={on} onChange={(e) => onToggle(id, e.target.checked)} />
      </span>
      {visible.map((column) => (
        <span key={column} role="cell" className={`c-${column}`}>
          {cell(column, member)}
        </span>
      ))}
    </div>
  );
});
