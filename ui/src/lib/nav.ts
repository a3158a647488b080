// The main navigation: the screens in the sidebar's order (Ctrl 1–9, then Ctrl 0, follow it),
// with their labels and a small icon drawn as one SVG path.
import type { Screen } from './app.svelte';

export interface NavItem {
  id: Screen;
  label: string;
  /** An SVG path in a 20×20 box, drawn as a 1.6 px line. */
  icon: string;
}

export const nav: NavItem[] = [
  { id: 'workspace', label: 'Workspace', icon: 'M3 9.5 10 4l7 5.5V16a1 1 0 0 1-1 1h-4v-4H8v4H4a1 1 0 0 1-1-1z' },
  { id: 'questionnaire', label: 'Questionnaire', icon: 'M5 3h10v14H5zM8 7h4M8 10h4M8 13h2' },
  { id: 'workshop', label: 'Workshop mode', icon: 'M2.5 4h15v9h-15zM10 13v3M6.5 17h7' },
  { id: 'results', label: 'Results', icon: 'M4 16V10M8 16V6M12 16v-4M16 16V4' },
  { id: 'plan', label: 'Plan', icon: 'M3 5h9M3 10h14M3 15h6M14 3v4M17 13v4' },
  {
    id: 'policies',
    label: 'Policies',
    icon: 'M10 2.5 16 5v5c0 3.5-2.6 6.3-6 7.5-3.4-1.2-6-4-6-7.5V5zM7.5 10l2 2 3.5-3.5',
  },
  {
    id: 'people',
    label: 'People',
    icon: 'M7.5 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2.5 17c0-3 2.2-5 5-5s5 2 5 5M13.5 9a2.5 2.5 0 1 0 0-5M14.5 12c2 .4 3.5 2.2 3.5 5',
  },
  {
    id: 'evidence',
    label: 'Evidence',
    icon: 'M13.5 6.5 8 12a1.5 1.5 0 0 0 2.1 2.1l5.6-5.6a3 3 0 0 0-4.2-4.2L5.8 10A4.5 4.5 0 0 0 12.2 16.4l4.3-4.3',
  },
  { id: 'reports', label: 'Reports', icon: 'M5 2.5h7l3 3V17.5H5zM12 2.5v3h3M7.5 10h5M7.5 13h5' },
  {
    id: 'catalog',
    label: 'Question bank',
    icon: 'M4 4.5A1.5 1.5 0 0 1 5.5 3H16v12H5.5A1.5 1.5 0 0 0 4 16.5zM4 16.5A1.5 1.5 0 0 0 5.5 18H16',
  },
];

/** The digit that, with Ctrl, opens the screen at `index` of the sidebar: 1…9, then 0; none after. */
export function shortcutKey(index: number): string | null {
  if (index < 0 || index > 9) return null;
  return String((index + 1) % 10);
}
