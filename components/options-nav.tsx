// The settings page's table of contents: nine sections make a page some 8,000 px long, so a link to
// each stays in view (a column at the left on a wide window, a strip along the top on a narrow one),
// and the one being read is marked. options.html#team opens at that section.
import { useEffect, useRef, useState } from 'react';

export interface NavSection {
  /** The id of the element that holds the section (the link's target). */
  id: string;
  label: string;
}

/** How far below the top of the window a section's top may be and still be the one being read. */
const READING_LINE_PX = 96;

/**
 * The section being read: the one the address names while it is in view (the page can't bring the
 * last sections up to the reading line), else the last whose top has passed the reading line, or the
 * last one at the page's end.
 */
export function currentSection(tops: readonly { id: string; top: number }[], view: { height: number; atEnd: boolean; named?: string }): string | undefined {
  const named = view.named === undefined ? undefined : tops.find((t) => t.id === view.named);
  if (named && named.top >= -1 && named.top < view.height - 40) return named.id;
  if (view.atEnd) return tops[tops.length - 1]?.id;
  let current = tops[0]?.id;
  for (const { id, top } of tops) if (top <= READING_LINE_PX) current = id;
  return current;
}

export function OptionsNav({ sections, label }: { sections: readonly NavSection[]; label: string }) {
  const [current, setCurrent] = useState<string | undefined>(sections[0]?.id);
  const ids = sections.map((s) => s.id).join(' ');
  useEffect(() => {
    let frame = 0;
    /** The section the address names (a link clicked, or the page opened at it), until it leaves the view. */
    let named: string | undefined = decodeURIComponent(location.hash.slice(1)) || undefined;
    const measure = () => {
      frame = 0;
      const tops = ids.split(' ').flatMap((id) => {
        const el = document.getElementById(id);
        return el ? [{ id, top: el.getBoundingClientRect().top }] : [];
      });
      const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      const now = currentSection(tops, { height: window.innerHeight, atEnd, named });
      if (now !== named) named = undefined;
      setCurrent(now);
    };
    const onHash = () => {
      named = decodeURIComponent(location.hash.slice(1)) || undefined;
      measure();
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(measure);
    };
    // Mounted with the sections: an address naming one (options.html#team) opens there, and stays
    // there while the sections above it fill in what they load, until the user moves.
    const stopHolding = holdInView(named);
    measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    window.addEventListener('hashchange', onHash);
    return () => {
      stopHolding();
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ids]);

  // On a narrow window the strip scrolls sideways: the marked link is brought into it.
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    const strip = nav.current;
    const link = strip?.querySelector<HTMLElement>('[aria-current]');
    if (!strip || !link || strip.scrollWidth <= strip.clientWidth) return;
    const outside = link.offsetLeft < strip.scrollLeft || link.offsetLeft + link.offsetWidth > strip.scrollLeft + strip.clientWidth;
    if (outside) strip.scrollLeft = link.offsetLeft - 24;
  }, [current]);

  return (
    <nav className="options-nav" aria-label={label} ref={nav}>
      <ol>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} aria-current={s.id === current ? 'location' : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** How long a section an address names is held at the top while the page above it settles. */
const HOLD_MS = 3000;

/**
 * Scrolls to the section `id` and keeps it there as the page's height changes (the sections above it
 * draw what they load: figures, the reminder rules), for HOLD_MS or until the user scrolls, types or
 * clicks. Returns the function that stops holding.
 */
function holdInView(id: string | undefined): () => void {
  const target = id === undefined ? null : document.getElementById(id);
  if (!target) return () => undefined;
  target.scrollIntoView();
  const observer = new ResizeObserver(() => target.scrollIntoView());
  observer.observe(document.body);
  const events = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const e of events) window.removeEventListener(e, stop, true);
  };
  const timer = setTimeout(stop, HOLD_MS);
  for (const e of events) window.addEventListener(e, stop, { capture: true, passive: true });
  return stop;
}
