// The weekly load grid's figures: the weeks any owner has, and each owner's load in a week.
import type { PersonLoad, WeekLoad } from '../../lib/api';

/** Every week (its Monday) any owner has figures for, in order. */
export function weeksOf(loads: PersonLoad[]): string[] {
  return [...new Set(loads.flatMap((l) => l.weeks.map((w) => w.week)))].toSorted();
}

/** The owner's figures for `week` (none when they have no capacity or work that week). */
export function weekOf(load: PersonLoad, week: string): WeekLoad | null {
  return load.weeks.find((w) => w.week === week) ?? null;
}

/** More planned than the owner has time for, beyond rounding. */
export function isOver(w: WeekLoad): boolean {
  return w.days > w.capacity + 0.01;
}

/** Days to one decimal, without a trailing ".0": 1.25 → "1.3", 2 → "2". */
export function dayFigure(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The days shown for a week: a full week reads as full even when both figures round apart. */
export function plannedFigure(w: WeekLoad): string {
  return dayFigure(Math.abs(w.days - w.capacity) < 0.01 ? w.capacity : w.days);
}
