//! Entry point: parse the command line, then open the window or run a headless subcommand.

fn main() -> std::process::ExitCode {
    trustgap::cli::main_with(std::env::args_os())
}
