//! Build script: compiles the Tauri context (config, capabilities, embedded UI).
fn main() {
    // WebKitGTK loads the system SQLite into our process; keep the bundled SQLite's symbols (and
    // every other static library's) out of the executable's dynamic symbol table.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-Wl,--exclude-libs,ALL");
    }
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(trustgap_commands())),
    )
    .expect("failed to run tauri-build");
}

/// Every command the window may call; the capability file grants exactly these.
fn trustgap_commands() -> &'static [&'static str] {
    &[
        "app_info",
        "ui_ready",
        "diagnostics",
        "get_catalog",
        "recommend_scope",
        "workspace_overview",
        "create_client",
        "create_assessment",
        "create_sample_assessment",
        "open_assessment",
        "save_answer",
        "update_assessment_details",
        "set_archived",
        "set_trashed",
        "purge_assessment",
        "reassess",
        "rename_client",
        "delete_client",
        "get_plan",
        "update_action",
        "set_audit_profile",
        "get_cost_assumptions",
        "save_cost_assumptions",
        "take_snapshot",
        "list_snapshots",
        "compare_snapshot",
        "question_history",
        "export_summary_pdf",
        "export_brief",
        "export_report",
        "export_data",
        "report_preview",
        "open_last_export",
        "show_last_export",
        "list_backups",
        "backup_now",
        "restore_backup",
        "restore_backup_file",
        "export_portable",
        "choose_import_file",
        "import_chosen",
        "choose_answers_file",
        "import_chosen_answers",
        "startup_problem",
        "recover_workspace",
        "list_people",
        "add_person",
        "update_person",
        "remove_person",
        "get_client_calendar",
        "set_client_calendar",
        "audit_profile_warnings",
        "get_branding",
        "set_branding",
        "clear_branding",
        "choose_logo",
        "list_approvers",
        "set_approvers",
        "list_management_responses",
        "save_management_response",
        "delete_management_response",
        "list_document_versions",
        "list_policies",
        "get_policy",
        "policy_contradictions",
        "list_policy_parameters",
        "set_policy_parameter",
        "set_policy_people",
        "edit_policy_section",
        "revert_policy_section",
        "accept_policy_template",
        "set_policy_status",
        "export_policy",
        "export_policy_pack",
    ]
}
