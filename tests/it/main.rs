//! Integration tests: one binary, one module per area. They run against temporary workspaces.

mod architecture;
mod bindings;
mod branding;
mod catalog;
mod cli;
mod cli_people;
mod config;
#[cfg(unix)]
mod crash;
mod dbcheck;
mod exports;
mod fuzz;
mod manage;
mod pdf;
mod people;
mod plan;
mod portable;
mod readers;
mod reports;
mod reports_audit;
mod seeded;
mod signoff;
mod store;
mod support;
mod touchpoints;
mod upgrade;
mod workspace;
