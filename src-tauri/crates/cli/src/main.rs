//! `trustgap-cli`: Trustgap's subcommands without the window, for scripts and terminals.

use std::process::ExitCode;
use trustgap_cli::{dispatch, Dispatch, HEADLESS_BIN};

fn main() -> ExitCode {
    match dispatch(HEADLESS_BIN, std::env::args_os()) {
        Dispatch::Exit(code) => code,
        Dispatch::Window(_) => {
            eprintln!(
                "trustgap-cli runs subcommands only (see trustgap-cli --help); \
                 run `trustgap` to open the window."
            );
            ExitCode::from(2)
        }
    }
}
