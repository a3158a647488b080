//! Integration tests: one binary, one module per area. They run against temporary workspaces.

mod bindings;
mod catalog;
mod cli;
mod config;
mod manage;
mod pdf;
mod plan;
mod store;
mod support;
mod workspace;
