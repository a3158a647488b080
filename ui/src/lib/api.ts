// The one door from the UI to the backend. Every call goes through here, and every failure
// arrives as a BackendError carrying the backend's {code, message}.
import { Channel } from '@tauri-apps/api/core';
import {
  commands,
  type AckStatusView,
  type Acknowledgement,
  type AnswerSaved,
  type AnswersImport,
  type ApiError,
  type AppInfo,
  type Approver,
  type AssessmentDetail,
  type AssessmentSummary,
  type Attachment,
  type AuditProfile,
  type BackupInfo,
  type BrandingInput,
  type BrandingView,
  type Catalog,
  type Client,
  type ClientCalendar,
  type Comparison,
  type Completion,
  type Course,
  type CourseInput,
  type Contradiction,
  type CostAssumptions,
  type DataFormat,
  type DocFormat,
  type DocumentKind,
  type DocumentVersion,
  type ErasureView,
  type ErrorCode,
  type EvidenceFile,
  type EvidenceInput,
  type EvidenceLocker,
  type ExportOutcome,
  type HistoryEntry,
  type ImportMode,
  type ImportPreview,
  type ItemState,
  type ManagementResponse,
  type NewAssessmentInput,
  type ObservationCalendar,
  type Overview,
  type PackProgress,
  type DropSignal,
  type PackSummary,
  type Person,
  type PersonInput,
  type Plan,
  type PolicyFormat,
  type PolicyParameterView,
  type PolicyStatus,
  type PolicyView,
  type Recommendation,
  type RegisterGap,
  type RegisterOverview,
  type ReportKind,
  type ReportOptions,
  type ReportPreview,
  type RequestField,
  type RequestImportPreview,
  type RequestItem,
  type RosterField,
  type RosterPreview,
  type SaveAnswerInput,
  type SignSheetRecorded,
  type SignSheetResults,
  type SnapshotInfo,
  type StartupProblem,
  type TrainingRow,
  type UpdateActionInput,
  type UpdateDetailsInput,
} from './bindings.gen';
export type * from './bindings.gen';

export class BackendError extends Error {
  readonly code: ErrorCode;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'BackendError';
    this.code = error.code;
  }
}

type Outcome<T> = { status: 'ok'; data: T } | { status: 'error'; error: ApiError };

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}

/** Unwraps a command result; transport failures become `internal` errors with their text. */
async function call<T>(pending: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await pending;
  } catch (e) {
    if (isApiError(e)) throw new BackendError(e);
    const text = e instanceof Error ? e.message : String(e);
    throw new BackendError({ code: 'internal', message: `Trustgap's backend did not answer: ${text}` });
  }
  if (outcome.status === 'ok') return outcome.data;
  // The bindings pass any non-Error rejection through unchecked (Tauri itself rejects with a
  // plain string for an unknown command), so check the shape before trusting it.
  const raw: unknown = outcome.error;
  if (isApiError(raw)) throw new BackendError(raw);
  const text = typeof raw === 'object' && raw !== null ? JSON.stringify(raw) : String(raw);
  throw new BackendError({ code: 'internal', message: `Trustgap's backend did not answer: ${text}` });
}

/** A command that returns nothing: a failure still arrives as a BackendError. */
function done(pending: Promise<void>): Promise<null> {
  return call(pending.then(() => ({ status: 'ok' as const, data: null })));
}

export const api = {
  appInfo: (): Promise<AppInfo> => call(commands.appInfo()),
  /** Versions, system and the log's last lines, for a support request (no answer text). */
  diagnostics: (): Promise<string> => call(commands.diagnostics()),
  /** Tells the backend the first screen is on display (the start-up benchmark waits for it). */
  uiReady: (): Promise<void> => commands.uiReady().catch(() => undefined),
  catalog: (): Promise<Catalog> => call(commands.getCatalog()),
  overview: (): Promise<Overview> => call(commands.workspaceOverview()),
  /** What the first screen needs, asked for at once (the question bank is not part of it). */
  startupReads: (): Promise<[AppInfo, Overview]> => Promise.all([api.appInfo(), api.overview()]),
  recommendScope: (yes: string[]): Promise<Recommendation[]> => call(commands.recommendScope(yes)),
  createClient: (name: string): Promise<Client> => call(commands.createClient(name)),
  createAssessment: (input: NewAssessmentInput): Promise<AssessmentSummary> => call(commands.createAssessment(input)),
  createSample: (): Promise<AssessmentSummary> => call(commands.createSampleAssessment()),
  openAssessment: (id: number): Promise<AssessmentDetail> => call(commands.openAssessment(id)),
  saveAnswer: (input: SaveAnswerInput): Promise<AnswerSaved> => call(commands.saveAnswer(input)),
  takeSnapshot: (id: number, label: string): Promise<SnapshotInfo> => call(commands.takeSnapshot(id, label)),
  snapshots: (id: number): Promise<SnapshotInfo[]> => call(commands.listSnapshots(id)),
  compareSnapshot: (id: number, snapshotId: number): Promise<Comparison> =>
    call(commands.compareSnapshot(id, snapshotId)),
  history: (id: number, questionId: string): Promise<HistoryEntry[]> => call(commands.questionHistory(id, questionId)),
  listBackups: (): Promise<BackupInfo[]> => call(commands.listBackups()),
  backupNow: (): Promise<ExportOutcome> => call(commands.backupNow()),
  restoreBackup: (name: string): Promise<null> => call(commands.restoreBackup(name)),
  restoreBackupFile: (): Promise<boolean> => call(commands.restoreBackupFile()),
  /** Saves assessments as one .trustgap file; the people register (personal data) only when asked. */
  exportPortable: (ids: number[], includeRegister: boolean): Promise<ExportOutcome> =>
    call(commands.exportPortable(ids, includeRegister)),
  chooseImportFile: (): Promise<ImportPreview | null> => call(commands.chooseImportFile()),
  importChosen: (mode: ImportMode): Promise<number[]> => call(commands.importChosen(mode)),
  /** Picks a filled-in questionnaire (native dialog) and checks it against the assessment. */
  chooseAnswersFile: (id: number): Promise<AnswersImport | null> => call(commands.chooseAnswersFile(id)),
  /** Imports the questionnaire chosen with chooseAnswersFile, all or nothing. */
  importChosenAnswers: (id: number): Promise<AnswersImport> => call(commands.importChosenAnswers(id)),
  startupProblem: (): Promise<StartupProblem | null> => call(commands.startupProblem()),
  recoverWorkspace: (restoreLatest: boolean): Promise<null> => call(commands.recoverWorkspace(restoreLatest)),
  /** Exports issue a new version of the document; `change` is its note (empty: the default). */
  exportSummaryPdf: (id: number, change = ''): Promise<ExportOutcome> => call(commands.exportSummaryPdf(id, change)),
  exportBrief: (id: number, format: DocFormat, change = ''): Promise<ExportOutcome> =>
    call(commands.exportBrief(id, format, change)),
  exportReport: (
    id: number,
    kind: ReportKind,
    options: ReportOptions,
    format: DocFormat = 'pdf',
    change = '',
  ): Promise<ExportOutcome> => call(commands.exportReport(id, kind, options, format, change)),
  exportData: (id: number, format: DataFormat): Promise<ExportOutcome> => call(commands.exportData(id, format)),
  reportPreview: (id: number, kind: ReportKind, options: ReportOptions): Promise<ReportPreview> =>
    call(commands.reportPreview(id, kind, options)),
  openLastExport: (): Promise<null> => call(commands.openLastExport()),
  showLastExport: (): Promise<null> => call(commands.showLastExport()),
  plan: (id: number): Promise<Plan> => call(commands.getPlan(id)),
  updateAction: (input: UpdateActionInput): Promise<Plan> => call(commands.updateAction(input)),
  setAuditProfile: (id: number, profile: AuditProfile): Promise<AssessmentSummary> =>
    call(commands.setAuditProfile(id, profile)),
  getCostAssumptions: (id: number): Promise<CostAssumptions> => call(commands.getCostAssumptions(id)),
  saveCostAssumptions: (id: number, costs: CostAssumptions): Promise<CostAssumptions> =>
    call(commands.saveCostAssumptions(id, costs)),
  updateAssessmentDetails: (input: UpdateDetailsInput): Promise<AssessmentSummary> =>
    call(commands.updateAssessmentDetails(input)),
  setArchived: (id: number, archived: boolean): Promise<AssessmentSummary> => call(commands.setArchived(id, archived)),
  setTrashed: (id: number, trashed: boolean): Promise<AssessmentSummary> => call(commands.setTrashed(id, trashed)),
  purgeAssessment: (id: number): Promise<null> => call(commands.purgeAssessment(id)),
  reassess: (id: number, name: string): Promise<AssessmentSummary> => call(commands.reassess(id, name)),
  renameClient: (id: number, name: string): Promise<Client> => call(commands.renameClient(id, name)),
  deleteClient: (id: number): Promise<null> => call(commands.deleteClient(id)),
  /** A client's people, who can own answers and actions. */
  listPeople: (clientId: number): Promise<Person[]> => call(commands.listPeople(clientId)),
  addPerson: (clientId: number, input: PersonInput): Promise<Person> => call(commands.addPerson(clientId, input)),
  updatePerson: (id: number, input: PersonInput): Promise<Person> => call(commands.updatePerson(id, input)),
  removePerson: (id: number): Promise<null> => call(commands.removePerson(id)),
  /** The days a client does not work beyond weekends: the year-end break and other closures. */
  clientCalendar: (clientId: number): Promise<ClientCalendar> => call(commands.getClientCalendar(clientId)),
  setClientCalendar: (clientId: number, calendar: ClientCalendar): Promise<null> =>
    call(commands.setClientCalendar(clientId, calendar)),
  /** What to tell the user about an audit profile before saving it; refused when it is invalid. */
  auditProfileWarnings: (profile: AuditProfile): Promise<string[]> => call(commands.auditProfileWarnings(profile)),
  /** The workspace's branding (`clientId` null) or a client's override. */
  branding: (clientId: number | null): Promise<BrandingView> => call(commands.getBranding(clientId)),
  setBranding: (clientId: number | null, input: BrandingInput): Promise<BrandingView> =>
    call(commands.setBranding(clientId, input)),
  clearBranding: (clientId: number | null): Promise<BrandingView> => call(commands.clearBranding(clientId)),
  /** Opens the native file dialog for a logo; null when cancelled. */
  chooseLogo: (clientId: number | null): Promise<BrandingView | null> => call(commands.chooseLogo(clientId)),
  approvers: (id: number): Promise<Approver[]> => call(commands.listApprovers(id)),
  setApprovers: (id: number, approvers: Approver[]): Promise<Approver[]> => call(commands.setApprovers(id, approvers)),
  managementResponses: (id: number): Promise<ManagementResponse[]> => call(commands.listManagementResponses(id)),
  saveManagementResponse: (id: number, response: ManagementResponse): Promise<ManagementResponse> =>
    call(commands.saveManagementResponse(id, response)),
  deleteManagementResponse: (id: number, questionId: string): Promise<null> =>
    call(commands.deleteManagementResponse(id, questionId)),
  documentVersions: (id: number, kind: DocumentKind): Promise<DocumentVersion[]> =>
    call(commands.listDocumentVersions(id, kind)),
  /** The assessment's policy pack, in pack order, as written from its answers today. */
  policies: (id: number): Promise<PolicyView[]> => call(commands.listPolicies(id)),
  policy: (id: number, policyId: string): Promise<PolicyView> => call(commands.getPolicy(id, policyId)),
  /** Every statement of every policy that an answer now denies (for the questionnaire). */
  policyContradictions: (id: number): Promise<Contradiction[]> => call(commands.policyContradictions(id)),
  policyParameters: (id: number): Promise<PolicyParameterView[]> => call(commands.listPolicyParameters(id)),
  /** Null or empty clears the value (the suggestion or the default applies again). */
  setPolicyParameter: (id: number, parameterId: string, value: string | null): Promise<null> =>
    call(commands.setPolicyParameter(id, parameterId, value)),
  setPolicyPeople: (id: number, policyId: string, owner: number | null, approver: number | null): Promise<PolicyView> =>
    call(commands.setPolicyPeople(id, policyId, owner, approver)),
  editPolicySection: (id: number, policyId: string, sectionId: string, text: string): Promise<PolicyView> =>
    call(commands.editPolicySection(id, policyId, sectionId, text)),
  /** Drops the section's edit: the generated text applies again. */
  revertPolicySection: (id: number, policyId: string, sectionId: string): Promise<PolicyView> =>
    call(commands.revertPolicySection(id, policyId, sectionId)),
  /** Keeps the section's edit over the generated text as it is today. */
  acceptPolicyTemplate: (id: number, policyId: string, sectionId: string): Promise<PolicyView> =>
    call(commands.acceptPolicyTemplate(id, policyId, sectionId)),
  setPolicyStatus: (
    id: number,
    policyId: string,
    status: PolicyStatus,
    approvedOn: string | null,
    note: string,
  ): Promise<PolicyView> => call(commands.setPolicyStatus(id, policyId, status, approvedOn, note)),
  /** Saves one policy (save dialog); the path written, or null when cancelled. */
  exportPolicy: (id: number, policyId: string, format: PolicyFormat): Promise<string | null> =>
    call(commands.exportPolicy(id, policyId, format)),
  /** Saves the whole pack and its index into a folder (folder dialog); null when cancelled. */
  exportPolicyPack: (id: number, format: PolicyFormat): Promise<string | null> =>
    call(commands.exportPolicyPack(id, format)),
  /** Picks a roster (native dialog) and checks it with `choices`; null when cancelled. */
  chooseRosterFile: (clientId: number, choices: [string, RosterField][]): Promise<RosterPreview | null> =>
    call(commands.chooseRosterFile(clientId, choices)),
  /** Checks the chosen roster again with other column choices. */
  previewChosenRoster: (clientId: number, choices: [string, RosterField][]): Promise<RosterPreview> =>
    call(commands.previewChosenRoster(clientId, choices)),
  /** Imports the chosen roster, all or nothing; how many people were added. */
  importChosenRoster: (clientId: number, choices: [string, RosterField][]): Promise<number> =>
    call(commands.importChosenRoster(clientId, choices)),
  courses: (clientId: number): Promise<Course[]> => call(commands.listCourses(clientId)),
  addCourse: (clientId: number, input: CourseInput): Promise<Course> => call(commands.addCourse(clientId, input)),
  updateCourse: (id: number, input: CourseInput): Promise<Course> => call(commands.updateCourse(id, input)),
  /** Removes a course with its completions. */
  removeCourse: (id: number): Promise<null> => call(commands.removeCourse(id)),
  completions: (clientId: number): Promise<Completion[]> => call(commands.listCompletions(clientId)),
  recordCompletion: (personId: number, courseId: number, on: string, evidence: string): Promise<Completion> =>
    call(commands.recordCompletion(personId, courseId, on, evidence)),
  removeCompletion: (id: number): Promise<null> => call(commands.removeCompletion(id)),
  /** Every person's status on every course today. */
  training: (clientId: number): Promise<TrainingRow[]> => call(commands.trainingList(clientId)),
  acknowledgePolicy: (id: number, personId: number, policyId: string, version: number, on: string): Promise<null> =>
    call(commands.acknowledgePolicy(id, personId, policyId, version, on)),
  acknowledgements: (id: number): Promise<Acknowledgement[]> => call(commands.listAcknowledgements(id)),
  /** Each person's acknowledgement state and its label for each policy in force, as the domain decides them. */
  acknowledgementStatuses: (id: number): Promise<AckStatusView[]> => call(commands.acknowledgementStatuses(id)),
  /** Records who signed a workshop's sheet, all or nothing. */
  recordSignSheet: (id: number, results: SignSheetResults): Promise<SignSheetRecorded> =>
    call(commands.recordSignSheet(id, results)),
  /** Saves the client's people-and-training workbook (save dialog); the path, or null when cancelled. */
  exportRegisterWorkbook: (clientId: number): Promise<string | null> => call(commands.exportRegisterWorkbook(clientId)),
  /** Saves the client's training attestation for a period (both days included). */
  exportTrainingAttestation: (clientId: number, from: string, to: string, format: DocFormat): Promise<string | null> =>
    call(commands.exportTrainingAttestation(clientId, from, to, format)),
  /** Saves today's workshop sign-sheet of the assessment's client. */
  exportSignSheet: (id: number, format: DocFormat): Promise<string | null> =>
    call(commands.exportSignSheet(id, format)),
  /** The register's gaps today, against the assessment's policies in force. */
  registerGaps: (id: number): Promise<RegisterGap[]> => call(commands.registerGaps(id)),
  /** The register in counts (no name) and the answers it suggests for the questionnaire. */
  registerOverview: (id: number): Promise<RegisterOverview> => call(commands.registerOverview(id)),
  /** Erases a person: their records removed, counts kept. */
  erasePerson: (id: number): Promise<ErasureView> => call(commands.erasePerson(id)),
  /** An assessment's evidence files (those in the trash too when asked) and the workspace's totals. */
  evidenceLocker: (id: number, withTrash: boolean): Promise<EvidenceLocker> =>
    call(commands.evidenceLocker(id, withTrash)),
  /** Picks files (native dialog) and adds each as `input` says; null when cancelled. */
  chooseEvidenceFiles: (id: number, input: EvidenceInput): Promise<EvidenceFile[] | null> =>
    call(commands.chooseEvidenceFiles(id, input)),
  /** Tells `onsignal` of files dragged over and dropped on the window from now on. */
  watchDrops: (onsignal: (signal: DropSignal) => void): Promise<null> => {
    const events = new Channel<DropSignal>();
    events.onmessage = onsignal;
    return done(commands.watchDrops(events));
  },
  /** The names of the files just dropped on the window (their paths stay in the backend). */
  droppedFiles: (): Promise<string[]> => call(commands.droppedFiles()),
  /** Adds the files dropped on the window, as `input` says. */
  addDroppedEvidence: (id: number, input: EvidenceInput): Promise<EvidenceFile[]> =>
    call(commands.addDroppedEvidence(id, input)),
  /** Forgets the dropped files (the dialog that would add them was closed). */
  forgetDroppedFiles: (): Promise<null> => done(commands.forgetDroppedFiles()),
  attachEvidence: (fileId: number, to: Attachment): Promise<EvidenceFile> => call(commands.attachEvidence(fileId, to)),
  /** Refused for a file's last attachment. */
  detachEvidence: (fileId: number, from: Attachment): Promise<EvidenceFile> =>
    call(commands.detachEvidence(fileId, from)),
  /** Moves a file to the trash, or (false) back out of it. */
  trashEvidence: (fileId: number, trashed: boolean): Promise<null> => call(commands.trashEvidence(fileId, trashed)),
  /** Deletes the assessment's trashed files for good; how many. */
  emptyEvidenceTrash: (id: number): Promise<number> => call(commands.emptyEvidenceTrash(id)),
  /** Opens a copy with the system's viewer; refused for types that are not documents or images. */
  openEvidence: (fileId: number): Promise<null> => call(commands.openEvidence(fileId)),
  /** Saves a copy where the user chooses (save dialog); false when cancelled. */
  saveEvidenceCopy: (fileId: number): Promise<boolean> => call(commands.saveEvidenceCopy(fileId)),
  /** Builds the evidence pack (save dialog), telling `onprogress` how far it is; null when cancelled. */
  exportEvidencePack: (id: number, onprogress: (progress: PackProgress) => void): Promise<PackSummary | null> => {
    const progress = new Channel<PackProgress>();
    progress.onmessage = onprogress;
    return call(commands.exportEvidencePack(id, progress));
  },
  /** Stops the pack being built: its export then fails, and nothing is left on disk. */
  cancelEvidencePack: (): Promise<null> => done(commands.cancelEvidencePack()),
  /** The assessment's request list: the bank's requests, one item per control, and the auditor's. */
  requestList: (id: number): Promise<RequestItem[]> => call(commands.requestList(id)),
  /** Sets an item's whole state; not applicable is refused without a reason. */
  setRequestState: (id: number, reference: string, item: ItemState): Promise<RequestItem> =>
    call(commands.setRequestState(id, reference, item)),
  /** Picks an auditor's list (native dialog) and checks it with `choices`; null when cancelled. */
  chooseRequestList: (id: number, choices: [string, RequestField][]): Promise<RequestImportPreview | null> =>
    call(commands.chooseRequestList(id, choices)),
  /** Checks the chosen list again with other column choices. */
  previewChosenRequestList: (id: number, choices: [string, RequestField][]): Promise<RequestImportPreview> =>
    call(commands.previewChosenRequestList(id, choices)),
  /** Imports the chosen list, all or nothing; how many items were added. */
  importChosenRequestList: (id: number, choices: [string, RequestField][]): Promise<number> =>
    call(commands.importChosenRequestList(id, choices)),
  /** The Type II observation calendar, or why there is none. */
  observationCalendar: (id: number): Promise<ObservationCalendar> => call(commands.observationCalendar(id)),
};

/** A message for people from anything thrown. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
