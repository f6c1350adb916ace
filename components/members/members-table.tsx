// The members table: TanStack Table (sorting, column choice, selection) over rows virtualised with
// TanStack Virtual, so 100k members scroll as smoothly as 100. Rows have one fixed height: no
// measuring while scrolling.
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import {
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type Row,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TierStep } from '@/lib/domain';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { money, shortDate, tierName } from '../format';
import { tagLabel } from '../panel/tags';
import { segmentLabel } from './rfm-groups';
import type { MemberListRow } from './rows';

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), columnVisibilityFeature, rowSelectionFeature });
const helper = createColumnHelper<typeof features, MemberListRow>();

export const ROW_HEIGHT = 36;

const byNumber = (pick: (r: MemberListRow) => number | undefined) => (a: Row<typeof features, MemberListRow>, b: Row<typeof features, MemberListRow>) => (pick(a.original) ?? -Infinity) - (pick(b.original) ?? -Infinity);
const byText = (pick: (r: MemberListRow) => string) => (a: Row<typeof features, MemberListRow>, b: Row<typeof features, MemberListRow>) => {
  const x = pick(a.original).toLowerCase();
  const y = pick(b.original).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Column id → label key and grid width. */
const COLUMNS = {
  name: { label: 'segments.col.name', width: 'minmax(160px, 1.4fr)' },
  handles: { label: 'segments.col.handles', width: 'minmax(140px, 1.2fr)' },
  tier: { label: 'segments.col.tier', width: '96px' },
  segment: { label: 'segments.col.segment', width: '132px' },
  tags: { label: 'segments.col.tags', width: 'minmax(120px, 1fr)' },
  orders: { label: 'segments.col.orders', width: '72px' },
  spend: { label: 'segments.col.spend', width: '110px' },
  average: { label: 'segments.col.average', width: '100px' },
  lastOrder: { label: 'segments.col.lastOrder', width: '128px' },
  firstOrder: { label: 'segments.col.firstOrder', width: '128px' },
  phone: { label: 'segments.col.phone', width: '130px' },
  dnc: { label: 'segments.col.dnc', width: '96px' },
} as const satisfies Record<string, { label: MessageKey; width: string }>;
type ColumnId = keyof typeof COLUMNS;
const DEFAULT_HIDDEN: ColumnVisibilityState = { firstOrder: false, phone: false, average: false };

export interface MembersTableProps {
  rows: readonly MemberListRow[];
  t: Translate;
  locale: UiLocale;
  timeZone: string;
  tiers: readonly TierStep[];
  selection: RowSelectionState;
  onSelectionChange(next: RowSelectionState): void;
  hrefFor(memberId: string): string;
}

export function MembersTable({ rows, t, locale, timeZone, tiers, selection, onSelectionChange, hrefFor }: MembersTableProps) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'spend', desc: true }]);
  const [visibility, setVisibility] = useState<ColumnVisibilityState>(DEFAULT_HIDDEN);
  const tierById = useMemo(() => new Map(tiers.map((s) => [s.id, s])), [tiers]);

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({ id: 'select', enableHiding: false, enableSorting: false, header: '', cell: '' }),
        helper.accessor((r) => r.m.displayName, { id: 'name', sortFn: byText((r) => r.m.displayName), cell: '' }),
        helper.accessor((r) => r.handles, { id: 'handles', sortFn: byText((r) => r.handles), cell: '' }),
        helper.accessor((r) => r.m.tierId, { id: 'tier', sortFn: byNumber((r) => tiers.findIndex((s) => s.id === r.m.tierId)), cell: '' }),
        helper.accessor((r) => r.segment, { id: 'segment', sortFn: byText((r) => r.segment), cell: '' }),
        helper.accessor((r) => r.m.tags.join(', '), { id: 'tags', enableSorting: false, cell: '' }),
        helper.accessor((r) => r.m.orderCount, { id: 'orders', sortFn: byNumber((r) => r.m.orderCount), sortDescFirst: true, cell: '' }),
        helper.accessor((r) => r.m.spendMinor, { id: 'spend', sortFn: byNumber((r) => r.m.spendMinor), sortDescFirst: true, cell: '' }),
        helper.accessor((r) => r.m.averageOrderMinor, { id: 'average', sortFn: byNumber((r) => r.m.averageOrderMinor), sortDescFirst: true, cell: '' }),
        helper.accessor((r) => r.m.lastOrderAt, { id: 'lastOrder', sortFn: byNumber((r) => r.m.lastOrderAt), sortDescFirst: true, cell: '' }),
        helper.accessor((r) => r.m.firstOrderAt, { id: 'firstOrder', sortFn: byNumber((r) => r.m.firstOrderAt), cell: '' }),
        helper.accessor((r) => r.phone, { id: 'phone', sortFn: byText((r) => r.phone), cell: '' }),
        helper.accessor((r) => r.m.doNotContact, { id: 'dnc', sortFn: byNumber((r) => Number(r.m.doNotContact)), cell: '' }),
      ]),
    [tiers],
  );
  const data = rows as MemberListRow[];
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (r) => r.m.id,
    state: { sorting, columnVisibility: visibility, rowSelection: selection },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    onRowSelectionChange: (updater) => onSelectionChange(typeof updater === 'function' ? updater(selection) : updater),
    enableSortingRemoval: false,
  });
  const sorted = table.getRowModel().rows;
  const visibleKey = table.getVisibleLeafColumns().map((c) => c.id).filter((id) => id in COLUMNS).join(',');
  const visible = useMemo(() => visibleKey.split(',') as ColumnId[], [visibleKey]);
  const grid = `36px ${visible.map((id) => COLUMNS[id].width).join(' ')}`;
  const selectedShown = useMemo(() => sorted.reduce((n, r) => n + (selection[r.id] ? 1 : 0), 0), [sorted, selection]);
  const allShown = sorted.length > 0 && selectedShown === sorted.length;

  const cell = useCallback((id: ColumnId, r: MemberListRow) => {
    const m = r.m;
    switch (id) {
      case 'name':
        return (
          <a href={hrefFor(m.id)} aria-label={t('segments.table.open', { name: m.displayName })}>
            {m.displayName}
          </a>
        );
      case 'handles': return r.handles;
      case 'tier': {
        const step = tierById.get(m.tierId);
        return <span className="tier-dot" style={{ ['--tier' as string]: step?.color ?? '#888' }}>{step ? tierName(step, t) : m.tierId}</span>;
      }
      case 'segment': return segmentLabel(r.segment, t);
      case 'tags': return m.tags.map((tag) => tagLabel(tag, t)).join(', ');
      case 'orders': return m.orderCount.toLocaleString(locale);
      case 'spend': return money(m.spendMinor, m.currency, locale);
      case 'average': return m.orderCount ? money(m.averageOrderMinor, m.currency, locale) : '—';
      case 'lastOrder': return shortDate(m.lastOrderAt, locale, timeZone);
      case 'firstOrder': return shortDate(m.firstOrderAt, locale, timeZone);
      case 'phone': return r.phone;
      case 'dnc': return m.doNotContact ? <span className="dnc">{t('dnc')}</span> : '';
    }
  }, [t, locale, timeZone, tierById, hrefFor]);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const onToggle = useCallback((id: string, on: boolean) => {
    const next = { ...selectionRef.current };
    if (on) next[id] = true;
    else delete next[id];
    onSelectionChange(next);
  }, [onSelectionChange]);

  return (
    <div className="members-table" role="table" aria-label={t('members.title')} aria-rowcount={sorted.length + 1} style={{ ['--grid' as string]: grid }}>
      <div className="mt-toolbar">
        <details className="columns">
          <summary>{t('segments.table.columns')}</summary>
          <div className="menu">
            {(Object.keys(COLUMNS) as ColumnId[]).map((id) => (
              <label key={id}>
                <input type="checkbox" checked={visibility[id] !== false} onChange={(e) => setVisibility({ ...visibility, [id]: e.target.checked })} /> {t(COLUMNS[id].label)}
              </label>
            ))}
          </div>
        </details>
      </div>
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
              const next = { ...selection };
              for (const r of sorted) {
                if (allShown) delete next[r.id];
                else next[r.id] = true;
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
        <VirtualBody rows={sorted} visible={visible} selection={selection} onToggle={onToggle} cell={cell} t={t} />
      )}
    </div>
  );
}

type BodyProps = {
  rows: readonly Row<typeof features, MemberListRow>[];
  visible: readonly ColumnId[];
  selection: RowSelectionState;
  onToggle(id: string, on: boolean): void;
  cell(id: ColumnId, r: MemberListRow): React.ReactNode;
  t: Translate;
};

function VirtualBody({ rows, visible, selection, onToggle, cell, t }: BodyProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // Stable options: new ones on every render make the virtualizer re-measure every row (O(rows)
  // per scrolled frame: 33 ms frames at 100k members). Rows are keyed below, not by the virtualizer.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: useCallback(() => scroller.current, []),
    estimateSize: useCallback(() => ROW_HEIGHT, []),
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  // Rows are keyed by their slot, not by member: the row scrolled out of view is the one that
  // shows the member scrolling in, with new text in the same elements. Keyed by member, every frame
  // made new rows and dropped old ones, and sweeping those dropped elements stalled the page for
  // 90 ms at times (Blink's own garbage collector, seen in a trace at 100k members). For a slot to
  // pass from the row leaving to the row coming, exactly `slots` consecutive rows render: the
  // virtualizer's range, widened. The count only grows (a taller window), so it holds while scrolling.
  const pool = useRef(0);
  if (items.length > pool.current) pool.current = items.length + 8;
  const slots = Math.min(pool.current, rows.length);
  const first = Math.max(0, Math.min(items[0]?.index ?? 0, rows.length - slots));
  return (
    <div className="mt-body" ref={scroller} data-testid="members-scroller" role="rowgroup">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {Array.from({ length: slots }, (_, k) => {
          const index = first + k;
          const row = rows[index]!;
          return <MemberRowView key={index % slots} r={row.original} index={index} start={index * ROW_HEIGHT} on={selection[row.id] === true} visible={visible} onToggle={onToggle} cell={cell} t={t} />;
        })}
      </div>
    </div>
  );
}

// While scrolling the rows render again with the members now in their slots (cheap: text in the
// same elements); with nothing scrolled they keep their props and skip.
const MemberRowView = memo(function MemberRowView({ r, index, start, on, visible, onToggle, cell, t }: { r: MemberListRow; index: number; start: number; on: boolean; visible: readonly ColumnId[]; onToggle(id: string, on: boolean): void; cell: BodyProps['cell']; t: Translate }) {
  return (
    <div role="row" aria-rowindex={index + 2} aria-selected={on} className={r.m.doNotContact ? 'mt-row dnc-row' : 'mt-row'} data-member-id={r.m.id} style={{ top: start }}>
      <span role="cell" className="check">
        <input type="checkbox" aria-label={t('segments.table.select', { name: r.m.displayName })} checked={on} onChange={(e) => onToggle(r.m.id, e.target.checked)} />
      </span>
      {visible.map((id) => (
        <span key={id} role="cell" className={`c-${id}`}>
          {cell(id, r)}
        </span>
      ))}
    </div>
  );
});
