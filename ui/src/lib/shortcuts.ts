// The shortcuts of each screen and those that work everywhere, as the keyboard help (?) lists
// them. Loaded with the help, not with the first screen.
import type { Screen } from './app.svelte';

export interface Shortcut {
  /** Alternatives, each a combination of key caps joined by "+" ("Ctrl+Shift+Z", "1–5"). */
  keys: string[];
  does: string;
}

const everywhere: Shortcut[] = [
  {
    keys: ['Ctrl+1…9', 'Ctrl+0'],
    does: 'Go to a screen of the sidebar, in its order (1 Workspace … 9 Reports, 0 Question bank)',
  },
  { keys: ['?'], does: 'Show or hide these shortcuts' },
  { keys: ['Esc'], does: 'Close a dialog, a menu or this list' },
];

const undo: Shortcut[] = [
  { keys: ['Ctrl+Z'], does: 'Undo the last change to an answer, then the one before, and so on' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], does: 'Redo what was undone' },
];

const byScreen: Record<Screen, { title: string; shortcuts: Shortcut[] }> = {
  workspace: {
    title: 'Workspace',
    shortcuts: [
      { keys: ['←', '→'], does: 'Move between the tabs (Assessments, Clients, Files and backups)' },
      { keys: ['↑', '↓'], does: "Move through a row's ⋯ menu" },
    ],
  },
  'new-assessment': {
    title: 'New assessment',
    shortcuts: [
      { keys: ['Enter'], does: 'Start the assessment (from a field)' },
      { keys: ['Esc'], does: 'Back to the Workspace, creating nothing' },
    ],
  },
  questionnaire: {
    title: 'Questionnaire',
    shortcuts: [
      { keys: ['J', '↓'], does: 'Next question' },
      { keys: ['K', '↑'], does: 'Previous question' },
      { keys: ['1–5'], does: 'Answer: implemented, partially, not implemented, not applicable, don’t know' },
      { keys: ['F'], does: 'Flag the question for follow-up' },
      { keys: ['G'], does: 'Show or hide the guidance' },
      { keys: ['N'], does: 'Write in the notes' },
      ...undo,
      { keys: ['Esc'], does: 'Leave a field' },
    ],
  },
  workshop: {
    title: 'Workshop mode',
    shortcuts: [
      { keys: ['1–5'], does: 'Answer the question shown' },
      { keys: ['→', 'Space', 'J'], does: 'Next question' },
      { keys: ['←', 'K'], does: 'Previous question' },
      { keys: ['U'], does: 'Next unanswered question' },
      { keys: ['N'], does: 'Write a quick note; Enter or Esc saves it' },
      { keys: ['F'], does: 'Flag for follow-up' },
      { keys: ['G'], does: 'Show or hide the guidance' },
      ...undo,
      { keys: ['Esc'], does: 'Back to the Questionnaire' },
    ],
  },
  results: { title: 'Results', shortcuts: [] },
  plan: {
    title: 'Plan',
    shortcuts: [
      { keys: ['Enter'], does: "Save an action's owner or date" },
      { keys: ['Esc'], does: 'Put back the owner being typed' },
    ],
  },
  policies: {
    title: 'Policies',
    shortcuts: [
      { keys: ['↑', '↓'], does: 'Move through the list of policies' },
      { keys: ['Ctrl+Enter'], does: 'Save the section being edited' },
      { keys: ['Esc'], does: 'Stop editing a section (asks first when it has changes)' },
    ],
  },
  people: {
    title: 'People',
    shortcuts: [
      { keys: ['←', '→'], does: 'Move between the tabs (Roster, Training, Acknowledgements, Gaps)' },
      { keys: ['Enter'], does: 'Workshop sign-in: pick the first name that matches what is typed' },
      { keys: ['Esc'], does: 'Workshop sign-in: back to the names, or leave (asks first)' },
      { keys: ['Ctrl+Shift+L'], does: 'Workshop sign-in: leave at once (for the facilitator)' },
    ],
  },
  evidence: {
    title: 'Evidence',
    shortcuts: [
      { keys: ['←', '→'], does: 'Move between the tabs (Files, Request list, Calendar)' },
      { keys: ['Enter'], does: "Request list: save an item's owner, due date or reason" },
      { keys: ['Esc'], does: 'Close the dialog for adding or attaching files' },
    ],
  },
  reports: { title: 'Reports', shortcuts: [] },
  catalog: { title: 'Question bank', shortcuts: [] },
};

/** The shortcuts of `screen`, and those that work everywhere. */
export function shortcutsOf(screen: Screen): { title: string; own: Shortcut[]; everywhere: Shortcut[] } {
  const { title, shortcuts } = byScreen[screen];
  return { title, own: shortcuts, everywhere };
}
