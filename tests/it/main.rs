//! Integration tests: one binary, one module per area. They run against temporary workspaces.

mod answers_hostile;
mod answers_import;
mod architecture;
mod auditor;
mod bindings;
mod branding;
mod brief;
mod catalog;
mod cli;
mod cli_people;
mod config;
#[cfg(unix)]
mod crash;
mod dbcheck;
mod docmodel;
mod exports;
mod fuzz;
mod manage;
mod pdf;
mod people;
mod plan;
mod policies;
mod policies_store;
mod portable;
mod readers;
mod reports;
mod reports_audit;
mod scripts;
mod seeded;
mod signoff;
mod store;
mod support;
mod touchpoints;
mod upgrade;
mod workbooks;
mod workspace;
