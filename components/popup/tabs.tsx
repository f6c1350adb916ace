import { useRef, type ReactNode } from 'react';

export interface PopupTab {
  id: string;
  label: string;
  /** A small count beside the label (e.g. reminders due). */
  badge?: number | undefined;
  render(): ReactNode;
}

/** A plain tab strip: a second tab drops in as one more entry. Arrow keys move between tabs. */
export function PopupTabs({ tabs, active, onChange }: { tabs: readonly PopupTab[]; active: string; onChange(id: string): void }) {
  const strip = useRef<HTMLDivElement>(null);
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0];
  const move = (delta: number) => {
    const i = tabs.findIndex((tab) => tab.id === current?.id);
    const next = tabs[(i + delta + tabs.length) % tabs.length];
    if (!next) return;
    onChange(next.id);
    strip.current?.querySelector<HTMLButtonElement>(`[data-tab="${next.id}"]`)?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" ref={strip} onKeyDown={(e) => (e.key === 'ArrowRight' ? move(1) : e.key === 'ArrowLeft' ? move(-1) : undefined)}>
        {tabs.map((tab) => (
          <button key={tab.id} type="button" role="tab" data-tab={tab.id} id={`tab-${tab.id}`} aria-selected={tab.id === current?.id} aria-controls={`panel-${tab.id}`} tabIndex={tab.id === current?.id ? 0 : -1} onClick={() => onChange(tab.id)}>
            {tab.label}
            {tab.badge ? <span className="count">{tab.badge}</span> : null}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
          {current.render()}
        </div>
      )}
    </>
  );
}
