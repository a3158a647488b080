//! The command line, shared by two binaries: `trustgap` (the app: alone it opens the window) and
//! `trustgap-cli` (headless only, links no GUI library, so it starts in milliseconds). Both parse
//! the same definition and run subcommands headless on the same workspace.

mod answers;
mod args;
mod branding;
mod evidence;
mod export;
mod people;
mod policies;
mod register;
mod register_export;
mod report;
mod requests;
mod run;
mod table;

pub use export::ExportFormat;
pub use report::ReportCommand;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use trustgap_workspace::paths::{resolve_data_dir, DATA_DIR_ENV};

#[derive(Debug, Parser)]
#[command(
    name = "trustgap",
    version,
    about = "Offline SOC 2 gap assessment: questionnaire, readiness score, remediation plan, PDF reports.",
    long_about = "Offline SOC 2 gap assessment: questionnaire, readiness score, remediation plan, \
                  PDF reports.\n\nRun without a subcommand to open the app window."
)]
pub struct Cli {
    /// Workspace folder (default: the OS data folder). Also read from TRUSTGAP_DATA_DIR.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the version, the question bank version and where the workspace lives.
    Info,
    /// Print an assessment's remediation plan: every action with its severity, priority,
    /// owner, dates and dependencies, the load per person by week, the deadline, whether it
    /// fits and the warnings (`--format json` for everything).
    Plan {
        #[arg(long, value_name = "ID")]
        assessment: i64,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// An assessment's policy pack, written from its answers: `--list` prints each policy
    /// (id, title, status, version, owner; `--format json` adds criteria and planned clauses),
    /// `--out DIR` writes one file per policy plus an index (`--format pdf|docx|md`).
    #[command(group(clap::ArgGroup::new("mode").required(true).args(["list", "out"])))]
    Policies {
        /// The assessment's id (see `trustgap list`).
        #[arg(long, value_name = "ID")]
        assessment: i64,
        /// Print the pack.
        #[arg(long)]
        list: bool,
        /// The folder to write the pack to (created if missing; files of the same names are
        /// replaced).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// table or json with --list (default table); pdf, docx or md with --out (default pdf).
        #[arg(long, value_enum)]
        format: Option<policies::PolicyOutput>,
    },
    /// List, add, change or remove a client's people (the owners of answers and actions).
    People {
        #[command(subcommand)]
        command: people::PeopleCommand,
    },
    /// A client's training register: list each person's status per course, or record a
    /// completion.
    Training {
        #[command(subcommand)]
        command: register::TrainingCommand,
    },
    /// An assessment's evidence locker: add files (streamed, hashed, stored once), list them,
    /// the trash, and the evidence pack for the auditor.
    Evidence {
        #[command(subcommand)]
        command: evidence::EvidenceCommand,
    },
    /// The request list an auditor works from: list it, import the auditor's own, set an
    /// item's owner, due date and status.
    Requests {
        #[command(subcommand)]
        command: requests::RequestsCommand,
    },
    /// Create the sample assessment (a small SaaS company, fully answered) and print its id.
    Demo,
    /// List clients and assessments with progress and readiness.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Import every assessment of a portable .trustgap file.
    Import {
        file: PathBuf,
        /// When an assessment already exists: refuse and say so (ask), replace it, or keep both.
        #[arg(long, value_enum, default_value_t = ImportChoice::Ask)]
        mode: ImportChoice,
    },
    /// Import a filled-in questionnaire (.xlsx or .csv, as exported with
    /// `--format xlsx-questionnaire` or `csv-questionnaire`) into an assessment: every row is
    /// checked first; if any row has a problem nothing is imported and every bad row is listed.
    ImportAnswers {
        /// The assessment's id (see `trustgap list`).
        #[arg(long, value_name = "ID")]
        assessment: i64,
        /// The questionnaire file.
        #[arg(value_name = "FILE.xlsx|FILE.csv")]
        file: PathBuf,
        /// Check the file and say what it would change, without saving anything.
        #[arg(long)]
        check: bool,
    },
    /// Write a backup copy of the whole workspace.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Replace the workspace with a backup; the current file is kept aside, not deleted.
    Restore { file: PathBuf },
    /// Write a report of an assessment (PDF or Word): the board brief, the readiness report or the
    /// remediation plan.
    Report {
        #[command(subcommand)]
        report: ReportCommand,
    },
    /// Export an assessment's data: the gap register or the plan as CSV, all of it as JSON, Excel
    /// workbooks (the assessment, or the questionnaire to send out), or a portable .trustgap file (of one assessment, or of every assessment of a client).
    #[command(group(clap::ArgGroup::new("what").required(true).args(["assessment", "client"])))]
    Export {
        /// The assessment's id (see `trustgap list`).
        #[arg(long, value_name = "ID")]
        assessment: Option<i64>,
        /// With `--format trustgap`: every assessment of this client (ids in `trustgap list --format json`).
        #[arg(long, value_name = "ID")]
        client: Option<i64>,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write (replaced atomically if it exists).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// With `--format trustgap`: include the people register (emails, dates, training,
        /// policy acknowledgements). It is personal data, left out unless asked.
        #[arg(long)]
        include_register: bool,
    },
    /// Print or change the branding documents are printed with: the workspace's, or with
    /// --client a client's override (a field left unset inherits the workspace's). Without
    /// options it prints the current branding. An empty value clears one field.
    Branding {
        /// A client's override instead of the workspace's branding.
        #[arg(long, value_name = "ID")]
        client: Option<i64>,
        /// The firm the documents are prepared by ("Prepared by NAME").
        #[arg(long, value_name = "NAME")]
        firm: Option<String>,
        /// A PNG or JPEG logo of at most 1 MB (cover and running header).
        #[arg(long, value_name = "FILE")]
        logo: Option<PathBuf>,
        /// Accent colour for headings, rules and bands, as #RRGGBB.
        #[arg(long, value_name = "#RRGGBB")]
        accent: Option<String>,
        /// A line printed in every page footer.
        #[arg(long, value_name = "TEXT")]
        footer: Option<String>,
        /// A disclaimer printed on the cover and the document control page.
        #[arg(long, value_name = "TEXT")]
        disclaimer: Option<String>,
        /// Reset everything first (a client then inherits all of the workspace's branding).
        #[arg(long)]
        clear: bool,
    },
    /// Print the whole question bank: categories, criteria, questions, remediations, scoping.
    Catalog {
        /// `json` for the whole bank, `csv` for one row per question (for spreadsheets).
        #[arg(long, value_enum, default_value_t = CatalogFormat::Json)]
        format: CatalogFormat,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ImportChoice {
    Ask,
    Replace,
    KeepBoth,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CatalogFormat {
    Json,
    Csv,
}

/// The headless binary's name (`src/main.rs`); the app binary is `trustgap`.
pub const HEADLESS_BIN: &str = "trustgap-cli";

/// What the binary should do once the command line has been read.
#[derive(Debug)]
pub enum Dispatch {
    /// No subcommand: open the window on this data folder (the app binary) or explain (the CLI).
    Window(PathBuf),
    /// A subcommand ran (or the arguments were refused, or help was printed): exit with this.
    Exit(ExitCode),
}

/// Parses `args` as the binary `bin` and runs the subcommand, if there is one.
pub fn dispatch<I, T>(bin: &'static str, args: I) -> Dispatch
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut command = Cli::command().name(bin).bin_name(bin);
    if bin == HEADLESS_BIN {
        command = command.long_about(
            "Offline SOC 2 gap assessment: questionnaire, readiness score, remediation plan, \
             PDF reports.\n\nThe headless command line: it runs subcommands only and links no \
             GUI library. Run `trustgap` to open the app window.",
        );
    }
    let parsed = command
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version arrive here too, with exit code 0.
            let _ = e.print();
            return Dispatch::Exit(ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)));
        }
    };
    let Some(data_dir) = resolve_data_dir(cli.data_dir, std::env::var_os(DATA_DIR_ENV)) else {
        eprintln!("error: no home folder was found; pass --data-dir DIR");
        return Dispatch::Exit(ExitCode::from(2));
    };
    let Some(command) = cli.command else {
        return Dispatch::Window(data_dir);
    };
    // The catalog reads no workspace; every other subcommand leaves its line in the log.
    if !matches!(command, Command::Catalog { .. }) {
        if let Err(e) = trustgap_workspace::diagnostics::start_log(&data_dir) {
            eprintln!("warning: {}", e.message);
        }
    }
    let name = format!("cli {}", command.name());
    let result = trustgap_workspace::diagnostics::logged(&name, || run_command(command, &data_dir));
    Dispatch::Exit(match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::FAILURE
        }
    })
}

impl Command {
    /// The subcommand as typed, for the log.
    fn name(&self) -> &'static str {
        match self {
            Command::Info => "info",
            Command::Demo => "demo",
            Command::List { .. } => "list",
            Command::Catalog { .. } => "catalog",
            Command::Report { .. } => "report",
            Command::Export { .. } => "export",
            Command::Import { .. } => "import",
            Command::ImportAnswers { .. } => "import-answers",
            Command::Backup { .. } => "backup",
            Command::Restore { .. } => "restore",
            Command::Plan { .. } => "plan",
            Command::People { .. } => "people",
            Command::Training { .. } => "training",
            Command::Policies { .. } => "policies",
            Command::Branding { .. } => "branding",
            Command::Evidence { .. } => "evidence",
            Command::Requests { .. } => "requests",
        }
    }
}

fn run_command(command: Command, data_dir: &Path) -> Result<(), trustgap_workspace::ApiError> {
    match command {
        Command::Info => run::info(data_dir),
        Command::Demo => run::demo(data_dir),
        Command::List { format } => run::list(data_dir, format),
        Command::Catalog { format } => run::catalog(format),
        Command::Report { report } => report::report(data_dir, report),
        Command::Export {
            assessment,
            client,
            format,
            out,
            include_register,
        } => export::export(data_dir, assessment, client, format, &out, include_register),
        Command::Import { file, mode } => run::import(data_dir, &file, mode),
        Command::ImportAnswers {
            assessment,
            file,
            check,
        } => answers::import_answers(data_dir, assessment, &file, check),
        Command::Backup { out } => run::backup(data_dir, &out),
        Command::Restore { file } => run::restore(data_dir, &file),
        Command::Plan { assessment, format } => people::plan(data_dir, assessment, format),
        Command::People { command } => people::people(data_dir, command),
        Command::Training { command } => register::training(data_dir, command),
        Command::Evidence { command } => evidence::evidence(data_dir, command),
        Command::Requests { command } => requests::requests(data_dir, command),
        Command::Policies {
            assessment,
            out,
            format,
            ..
        } => policies::policies(data_dir, assessment, out.as_deref(), format),
        Command::Branding {
            client,
            firm,
            logo,
            accent,
            footer,
            disclaimer,
            clear,
        } => branding::branding(
            data_dir,
            branding::BrandingArgs {
                client,
                firm,
                logo,
                accent,
                footer,
                disclaimer,
                clear,
            },
        ),
    }
}
