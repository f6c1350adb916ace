import { describe, expect, it } from 'vitest';
import { currentSection } from './options-nav';

const tops = (...ys: number[]) => ys.map((top, i) => ({ id: `s${i}`, top }));

describe('the settings section being read', () => {
  it('is the last whose top has passed the reading line near the top of the window', () => {
    expect(currentSection(tops(0, 600, 1400), { height: 800, atEnd: false })).toBe('s0');
    expect(currentSection(tops(-700, -100, 700), { height: 800, atEnd: false })).toBe('s1');
    expect(currentSection(tops(-700, 80, 700), { height: 800, atEnd: false })).toBe('s1');
    expect(currentSection(tops(-700, 200, 700), { height: 800, atEnd: false })).toBe('s0');
  });

  it('is the first one above the first section, and the last at the end of the page', () => {
    expect(currentSection(tops(120, 900), { height: 800, atEnd: false })).toBe('s0');
    expect(currentSection(tops(-900, -200, 300), { height: 800, atEnd: true })).toBe('s2');
  });

  it('is the one the address names while its top is in the window, though the page ends before it reaches the line', () => {
    expect(currentSection(tops(-900, -200, 300, 600), { height: 800, atEnd: true, named: 's2' })).toBe('s2');
    // Scrolled on past its top: the reading line decides again.
    expect(currentSection(tops(-900, -400, -20, 300), { height: 800, atEnd: false, named: 's2' })).toBe('s2');
    expect(currentSection(tops(-900, -400, -300, 60), { height: 800, atEnd: false, named: 's2' })).toBe('s3');
    expect(currentSection(tops(-900, -200, 300), { height: 800, atEnd: true, named: 'gone' })).toBe('s2');
  });

  it('is none when the page has no section', () => {
    expect(currentSection([], { height: 800, atEnd: false })).toBeUndefined();
  });
});
