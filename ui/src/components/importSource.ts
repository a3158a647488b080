// The backend's side of a file import (ImportPreview): what one kind of file (a roster, an
// auditor's request list) is checked and imported with, and its columns as the preview maps them.
// Kept out of the component so plain TypeScript (tests, lint) reads the types too.

/** A column of the chosen file and the field it fills. */
export interface ImportColumn<F extends string> {
  header: string;
  field: F;
  /** The backend guessed the field from the header (said beside it). */
  guessed?: boolean;
}

export interface ImportSource<P, F extends string> {
  /** Asks for a file with the native dialog and checks it with guessed columns; null when none was chosen. */
  choose: () => Promise<P | null>;
  /** Checks the chosen file again with every column's field. */
  remap: (choices: [string, F][]) => Promise<P>;
  /** Imports every row of the chosen file, or none; how many were imported. */
  apply: (choices: [string, F][]) => Promise<number>;
  columns: (preview: P) => ImportColumn<F>[];
  /** How many rows the import would bring in. */
  count: (preview: P) => number;
}
