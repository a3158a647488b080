//! The evidence pack's build: progress reaches the total, a cancelled build leaves nothing under
//! the chosen name (and no temporary file beside it), and packs are reproducible under
//! `SOURCE_DATE_EPOCH`-style fixed stamps.

use crate::portable::today;
use std::sync::atomic::{AtomicBool, Ordering};
use trustgap_domain::evidence::Attachment;
use trustgap_workspace::{EvidenceInput, Workspace};

fn workspace_with_files(dir: &std::path::Path) -> (Workspace, i64) {
    let mut ws = Workspace::open(&dir.join("ws")).expect("workspace");
    let id = ws.create_sample(today()).expect("sample").id;
    for (i, criterion) in ["CC6.1", "CC7.2", "A1.2"].iter().enumerate() {
        let file = dir.join(format!("file-{i}.bin"));
        std::fs::write(&file, vec![i as u8 + 1; 3 * 1024 * 1024]).expect("file");
        ws.add_evidence(
            id,
            &file,
            EvidenceInput {
                attach: vec![Attachment::Criterion((*criterion).into())],
                ..EvidenceInput::default()
            },
        )
        .expect("add");
    }
    (ws, id)
}

#[test]
fn progress_reaches_the_total_and_a_cancelled_pack_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, id) = workspace_with_files(dir.path());
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("out");
    let dest = out_dir.join("pack.zip");
    let stamp = chrono::DateTime::from_timestamp(1_764_547_200, 0).expect("stamp");
    let never = AtomicBool::new(false);
    let mut last = None;
    let summary = ws
        .evidence_pack(id, &dest, stamp, &mut |p| last = Some(p), &never)
        .expect("pack");
    let last = last.expect("progress was reported");
    assert_eq!((last.done, last.total), (summary.bytes, 9 * 1024 * 1024));
    assert_eq!((summary.files, summary.folders), (3, 3));
    let first = std::fs::read(&dest).expect("pack");
    std::fs::remove_file(&dest).expect("remove");
    ws.evidence_pack(id, &dest, stamp, &mut |_| {}, &never)
        .expect("pack again");
    assert_eq!(
        std::fs::read(&dest).expect("pack"),
        first,
        "same data and stamp, same bytes"
    );
    std::fs::remove_file(&dest).expect("remove");

    let cancel = AtomicBool::new(false);
    let err = ws
        .evidence_pack(
            id,
            &dest,
            stamp,
            &mut |p| {
                if p.done > 4 * 1024 * 1024 {
                    cancel.store(true, Ordering::Relaxed);
                }
            },
            &cancel,
        )
        .expect_err("cancelled");
    assert!(err.message.contains("cancelled"), "{}", err.message);
    assert_eq!(
        std::fs::read_dir(&out_dir).expect("list").count(),
        0,
        "no pack and no temporary file"
    );
}
