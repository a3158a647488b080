// What Workshop mode keeps while the app runs: where each assessment's workshop was left, and
// whether the guidance is shown. Not saved anywhere; a restart starts afresh.
const positions = new Map<number, string>();
let guidance = true;

export const workshopMemory = {
  /** The question the workshop of assessment `assessmentId` was last on, if any. */
  position(assessmentId: number): string | undefined {
    return positions.get(assessmentId);
  },

  remember(assessmentId: number, questionId: string): void {
    positions.set(assessmentId, questionId);
  },

  get guidance(): boolean {
    return guidance;
  },

  set guidance(shown: boolean) {
    guidance = shown;
  },

  /** Forgets everything (for tests). */
  reset(): void {
    positions.clear();
    guidance = true;
  },
};
