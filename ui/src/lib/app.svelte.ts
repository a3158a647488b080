// Application state shared by the screens: the catalog, the workspace overview, the open
// assessment and the save status. Screens read it; only these methods change it.
import {
  api,
  messageOf,
  type AppInfo,
  type AssessmentDetail,
  type AssessmentSummary,
  type Catalog,
  type Overview,
  type Person,
  type Question,
  type Response,
  type SaveAnswerInput,
} from './api';
import { redoneText, undoneText, type Change } from './changes';
import { Loader } from './loader.svelte';

export type Screen =
  | 'workspace'
  | 'new-assessment'
  | 'questionnaire'
  | 'workshop'
  | 'results'
  | 'plan'
  | 'policies'
  | 'people'
  | 'evidence'
  | 'reports'
  | 'catalog';

/** The parts of the Workspace screen, one tab each. */
export type WorkspaceTab = 'assessments' | 'clients' | 'files';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string; retry: SaveAnswerInput };

class AppState {
  screen = $state<Screen>('workspace');
  // Backend data is replaced whole, never edited in place: raw state skips deep proxies over the
  // catalog (about 280 KB of JSON) and the workspace lists.
  catalog = $state.raw<Catalog | null>(null);
  info = $state.raw<AppInfo | null>(null);
  overview = $state.raw<Overview | null>(null);
  current = $state.raw<AssessmentDetail | null>(null);
  /** Set when the workspace cannot be used at all (newer schema, damaged file). */
  fatal = $state<string | null>(null);
  save = $state<SaveState>({ kind: 'idle' });

  /** The open assessment's client's people, who can own answers; a write to them invalidates it. */
  readonly clientPeople = new Loader((clientId: number) => api.listPeople(clientId));
  /** The people read so far for the open assessment's client (none while they load). */
  people = $derived<Person[]>(this.current ? (this.clientPeople.value ?? []) : []);
  /** The roles the question bank names as owners, for owners nobody is named for yet. */
  roles = $derived<string[]>(this.catalog?.roles ?? []);

  /** Responses of the open assessment by question id. */
  responses = $derived(new Map<string, Response>((this.current?.responses ?? []).map((r) => [r.question_id, r])));

  /** Questions in the open assessment's scope (any of their categories is), in catalog order. */
  questions = $derived.by((): Question[] => {
    const cat = this.catalog;
    const cur = this.current;
    if (!cat || !cur) return [];
    return cat.questions.filter((q) => q.categories.some((c) => cur.summary.scope.includes(c)));
  });

  /** The Workspace tab shown, kept while other screens are open. */
  workspaceTab = $state<WorkspaceTab>('assessments');
  /** The sidebar folded to its icons by the user (true) or unfolded (false); null: by the window's width. */
  sidebarFolded = $state<boolean | null>(null);
  /** The keyboard help is shown over the screen. */
  helpOpen = $state(false);
  /** The policy the Policies screen selects when it opens next (a link from a question). */
  policyTarget = $state<string | null>(null);
  /** The question the Questionnaire brings into view when it opens next (a link from a policy). */
  questionTarget = $state<string | null>(null);
  /** The client the new-assessment screen starts with (null: the first one, or a new one). */
  newAssessmentClient = $state<number | null>(null);

  /**
   * Takes in what the first screen needs. `reads` lets the page's entry ask for it before the
   * rest of the UI has loaded. The question bank (about 280 KB) is not needed by the workspace
   * screen; `loadCatalog` fetches it on first use.
   */
  async start(reads: Promise<[AppInfo, Overview]> = api.startupReads()): Promise<void> {
    try {
      const [info, overview] = await reads;
      this.info = info;
      this.overview = overview;
    } catch (e) {
      this.fatal = messageOf(e);
    }
  }

  private catalogRequest: Promise<Catalog> | null = null;

  /** The question bank: fetched once, on first use; a failed fetch is tried again next time. */
  loadCatalog(): Promise<Catalog> {
    if (this.catalog) return Promise.resolve(this.catalog);
    this.catalogRequest ??= api.catalog().then(
      (catalog) => {
        this.catalog = catalog;
        this.catalogRequest = null;
        return catalog;
      },
      (e: unknown) => {
        this.catalogRequest = null;
        throw e;
      },
    );
    return this.catalogRequest;
  }

  /** Reads the workspace again after a recovery replaced its file. */
  async restart(): Promise<void> {
    this.fatal = null;
    await this.start(api.startupReads());
  }

  async refreshOverview(): Promise<void> {
    this.overview = await api.overview();
  }

  async open(id: number, screen: Screen = 'questionnaire'): Promise<void> {
    const detail = await api.openAssessment(id);
    // Undo walks through the changes made to this assessment in this session only.
    if (this.current?.summary.id !== id) this.forgetChanges();
    this.current = detail;
    this.save = { kind: 'idle' };
    this.screen = screen;
    void this.clientPeople.track(detail.summary.client_id);
  }

  /** Reads the open assessment again when it is `id` (its scope or details changed). */
  async reload(id: number): Promise<void> {
    if (this.current?.summary.id === id) this.current = await api.openAssessment(id);
  }

  /** Takes a summary the backend returned for the open assessment (e.g. a new audit profile). */
  updateSummary(summary: AssessmentSummary): void {
    if (this.current?.summary.id === summary.id) this.current = { ...this.current, summary };
  }

  /** Closes the open assessment; with `id`, only when that is the one open (trashed, replaced). */
  close(id?: number): void {
    if (id !== undefined && this.current?.summary.id !== id) return;
    this.current = null;
    void this.clientPeople.track(null);
    this.forgetChanges();
  }

  private forgetChanges(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.undoNotice = null;
  }

  /** The session's changes to the open assessment's answers, latest last, for Undo. */
  undoStack = $state.raw<Change[]>([]);
  /** Changes undone, latest last, for Redo; a new change clears them. */
  redoStack = $state.raw<Change[]>([]);
  /** What the last Undo or Redo did, in words; cleared by the next change. */
  undoNotice = $state<string | null>(null);

  /**
   * Saves one answer at once; a failure is kept with the input so it can be retried. Fields the
   * input leaves out (flag, owner, evidence, since, cadence, verified) keep their current
   * values. `record` says whether it is a new change (Undo can take it back) or Undo and Redo
   * at work.
   */
  async saveAnswer(input: SaveAnswerInput, record: 'change' | 'undo' | 'redo' = 'change'): Promise<boolean> {
    const current = this.responses.get(input.question_id);
    const kept = {
      flagged: current?.flagged ?? false,
      owner: current?.owner ?? null,
      evidence: current?.evidence ?? [],
      since: current?.since ?? null,
      cadence: current?.cadence ?? null,
      verified: current?.verified ?? false,
    };
    const full: SaveAnswerInput = { ...kept, ...input };
    const before: SaveAnswerInput = {
      assessment_id: full.assessment_id,
      question_id: full.question_id,
      answer: current?.answer ?? null,
      note: current?.note ?? '',
      ...kept,
    };
    this.save = { kind: 'saving' };
    try {
      const saved = await api.saveAnswer(full);
      if (this.current && this.current.summary.id === full.assessment_id) {
        const others = this.current.responses.filter((r) => r.question_id !== full.question_id);
        this.current = {
          ...this.current,
          summary: saved.summary,
          scorecard: saved.scorecard,
          responses: [...others, saved.response],
        };
      }
      this.save = { kind: 'saved', at: new Date() };
      if (record === 'change') {
        this.undoStack = [...this.undoStack, { before, after: full }];
        this.redoStack = [];
        this.undoNotice = null;
      }
      return true;
    } catch (e) {
      this.save = { kind: 'failed', message: messageOf(e), retry: full };
      return false;
    }
  }

  /** Takes back the session's latest change (itself recorded in the question's history). */
  async undo(): Promise<boolean> {
    const change = this.undoStack.at(-1);
    if (!change) return false;
    this.undoStack = this.undoStack.slice(0, -1);
    if (!(await this.saveAnswer(change.before, 'undo'))) {
      this.undoStack = [...this.undoStack, change];
      return false;
    }
    this.redoStack = [...this.redoStack, change];
    this.undoNotice = undoneText(change, this.people);
    return true;
  }

  /** Makes again the change the latest Undo took back. */
  async redo(): Promise<boolean> {
    const change = this.redoStack.at(-1);
    if (!change) return false;
    this.redoStack = this.redoStack.slice(0, -1);
    if (!(await this.saveAnswer(change.after, 'redo'))) {
      this.redoStack = [...this.redoStack, change];
      return false;
    }
    this.undoStack = [...this.undoStack, change];
    this.undoNotice = redoneText(change, this.people);
    return true;
  }

  /** Opens the new-assessment screen, with `clientId` chosen when given. */
  newAssessment(clientId: number | null = null): void {
    this.newAssessmentClient = clientId;
    this.screen = 'new-assessment';
  }

  /** Opens the Policies screen on policy `id`. */
  showPolicy(id: string): void {
    this.policyTarget = id;
    this.go('policies');
  }

  /** Opens the Questionnaire on question `id`. */
  showQuestion(id: string): void {
    this.questionTarget = id;
    this.go('questionnaire');
  }

  foldSidebar(folded: boolean): void {
    this.sidebarFolded = folded;
  }

  showHelp(open = true): void {
    this.helpOpen = open;
  }

  showWorkspaceTab(tab: WorkspaceTab): void {
    this.workspaceTab = tab;
  }

  /**
   * Asked before the screen changes; false keeps the screen (the current one then asks the user
   * about unsaved work, and calls `go` again once they agree). Set by a screen while it has some.
   */
  leaving: ((to: Screen) => boolean) | null = null;

  go(screen: Screen): void {
    if (screen !== this.screen && this.leaving && !this.leaving(screen)) return;
    this.screen = screen;
    // Lists show progress and readiness, which answers change: reload when they come into view.
    if (screen === 'workspace') void this.refreshOverview().catch(() => undefined);
  }
}

export const app = new AppState();
