//! `trustgap branding`: print or change the workspace's branding, or a client's override.

use super::run::print_out;
use std::path::{Path, PathBuf};
use trustgap_workspace::{
    ApiError, BrandingInput, BrandingView, TextEdit, Workspace, WorkspaceLock,
};

/// What `trustgap branding` was asked to change.
#[derive(Debug, Default)]
pub struct BrandingArgs {
    pub client: Option<i64>,
    pub firm: Option<String>,
    pub logo: Option<PathBuf>,
    pub accent: Option<String>,
    pub footer: Option<String>,
    pub disclaimer: Option<String>,
    pub clear: bool,
}

impl BrandingArgs {
    fn changes_anything(&self) -> bool {
        self.clear
            || self.firm.is_some()
            || self.logo.is_some()
            || self.accent.is_some()
            || self.footer.is_some()
            || self.disclaimer.is_some()
    }
}

pub(super) fn branding(data_dir: &Path, args: BrandingArgs) -> Result<(), ApiError> {
    if !args.changes_anything() {
        let ws = Workspace::open(data_dir)?;
        return print_out(&describe(&ws.branding(args.client)?));
    }
    let _lock = WorkspaceLock::acquire(data_dir)?;
    let mut ws = Workspace::open(data_dir)?;
    let client = args.client;
    if args.clear {
        ws.clear_branding(client)?;
    }
    // An empty value clears the field (a client's then inherits the workspace's).
    let edit = |v: Option<String>| v.map_or(TextEdit::Keep, TextEdit::Set);
    let input = BrandingInput {
        firm: edit(args.firm),
        accent: edit(args.accent),
        footer: edit(args.footer),
        disclaimer: edit(args.disclaimer),
        clear_logo: false,
    };
    let mut view = ws.set_branding(client, &input)?;
    if let Some(path) = &args.logo {
        view = ws.set_logo_file(client, path)?;
    }
    print_out(&describe(&view))
}

/// The branding as lines of "field: value", marking what a client inherits.
fn describe(v: &BrandingView) -> String {
    let whose = match v.client_id {
        None => "workspace branding".to_owned(),
        Some(id) => format!("branding of client {id} (inherited fields marked)"),
    };
    let line = |name: &str, own: &Option<String>, effective: &Option<String>| {
        let value = effective.as_deref().unwrap_or("(not set)");
        let inherited = v.client_id.is_some() && own.is_none() && effective.is_some();
        format!(
            "{name:<11}{value}{}",
            if inherited { "  [inherited]" } else { "" }
        )
    };
    let logo = |l: &Option<trustgap_workspace::LogoView>| {
        l.as_ref().map(|l| {
            format!(
                "{} {}x{} px, {} bytes",
                l.format.as_str().to_uppercase(),
                l.width,
                l.height,
                l.bytes
            )
        })
    };
    let mut out = vec![
        whose,
        line("firm", &v.own.firm, &v.effective.firm),
        line("logo", &logo(&v.own.logo), &logo(&v.effective.logo)),
        line("accent", &v.own.accent, &v.effective.accent),
        line("footer", &v.own.footer, &v.effective.footer),
        line("disclaimer", &v.own.disclaimer, &v.effective.disclaimer),
    ];
    if let Some(note) = &v.accent_note {
        out.push(format!("note: {note}"));
    }
    out.join("\n")
}
