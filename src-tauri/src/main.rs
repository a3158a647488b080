//! Entry point: read the command line, then open the window or run a headless subcommand.

use std::process::ExitCode;
use trustgap::Launched;
use trustgap_cli::{dispatch, Dispatch};

fn main() -> ExitCode {
    match dispatch("trustgap", std::env::args_os()) {
        Dispatch::Exit(code) => code,
        Dispatch::Window(data_dir) => match trustgap::run_app(data_dir) {
            Ok(Launched::Closed) => ExitCode::SUCCESS,
            #[allow(
                clippy::print_stdout,
                reason = "the front door tells the user what happened"
            )]
            Ok(Launched::AlreadyOpen) => {
                println!("{}", trustgap::ALREADY_OPEN);
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {}", e.message);
                trustgap::window::alert(&e.message);
                ExitCode::FAILURE
            }
        },
    }
}
