import { describe, expect, it } from 'vitest';
import { dayFigure, isOver, plannedFigure } from './load';

describe('load figures', () => {
  it('a full week reads as full, never as more than the time there is', () => {
    // 15% of three working days: 0.45, which a float may hold as 0.4499…
    const full = { week: '2026-12-21', days: 0.45, capacity: 0.4499999 };
    expect(isOver(full)).toBe(false);
    expect(`${plannedFigure(full)}/${dayFigure(full.capacity)}`).toBe('0.4/0.4');
    expect(plannedFigure({ week: '2026-12-21', days: 0.3, capacity: 1.5 })).toBe('0.3');
  });
});
