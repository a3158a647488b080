// The one section being edited on the Policies screen, and whether it holds unsaved changes:
// anything that would drop it (another section, another policy, another screen) asks first.

export interface DraftTarget {
  policyId: string;
  sectionId: string;
}

export class SectionDraft {
  /** The section being edited, with the text it started from. */
  target = $state.raw<(DraftTarget & { original: string }) | null>(null);
  text = $state('');

  /** Edited, and different from where the edit started. */
  readonly dirty = $derived(this.target !== null && this.text !== this.target.original);

  isOn(policyId: string, sectionId: string): boolean {
    return this.target?.policyId === policyId && this.target.sectionId === sectionId;
  }

  start(policyId: string, sectionId: string, text: string): void {
    this.target = { policyId, sectionId, original: text };
    this.text = text;
  }

  stop(): void {
    this.target = null;
    this.text = '';
  }
}
