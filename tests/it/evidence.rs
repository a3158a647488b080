//! The evidence locker, the request list and the evidence pack, through the workspace: every
//! byte survives a `.trustgap` round trip into an empty workspace and out through a pack (checked
//! against `sha256sum` of the originals), altered contents and hostile names are refused, the
//! limits hold, and an auditor's list with bad rows changes nothing.

use crate::dbcheck::raw;
use crate::portable::{date, today};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use trustgap_domain::evidence::requests::{ItemSource, ItemState, ItemStatus};
use trustgap_domain::evidence::{Attachment, EvidenceDates, MAX_FILE_BYTES};
use trustgap_workspace::{EvidenceInput, ImportMode, Workspace};

fn input(attach: Vec<Attachment>) -> EvidenceInput {
    EvidenceInput {
        attach,
        added_by: "Maya Chen".into(),
        ..EvidenceInput::default()
    }
}

fn sample(dir: &Path) -> (Workspace, i64) {
    let mut ws = Workspace::open(&dir.join("ws")).expect("workspace");
    let id = ws.create_sample(today()).expect("sample").id;
    (ws, id)
}

/// `sha256sum FILE`'s hash, from the system's own tool.
fn sha256sum(path: &Path) -> String {
    let out = Command::new("sha256sum")
        .arg(path)
        .output()
        .expect("sha256sum runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)[..64].to_owned()
}

/// A file of pseudo-random bytes (not compressible, not all alike).
fn noise(path: &Path, len: usize, seed: u64) -> PathBuf {
    let mut x = seed | 1;
    let bytes: Vec<u8> = (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(path, bytes).expect("write");
    path.to_owned()
}

fn pack(ws: &Workspace, id: i64, out: &Path) -> HashMap<String, Vec<u8>> {
    let never = AtomicBool::new(false);
    ws.evidence_pack(id, out, chrono::Utc::now(), &mut |_| {}, &never)
        .expect("pack");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(out).expect("open")).expect("zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("entry");
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).expect("read");
            (f.name().expect("entry name").into_owned(), bytes)
        })
        .collect()
}

#[test]
fn a_round_trip_through_a_trustgap_file_and_a_pack_keeps_every_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut ws, id) = sample(dir.path());
    let q = ws.detail(id).expect("detail").responses[0]
        .question_id
        .clone();
    let big = noise(&dir.path().join("export.bin"), 3 * 1024 * 1024 + 17, 7);
    let small = noise(&dir.path().join("Access review — 一月.pdf"), 1000, 9);
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("empty");
    let originals = [&big, &small, &empty];
    for (i, f) in originals.iter().enumerate() {
        ws.add_evidence(
            id,
            f,
            input(vec![
                Attachment::Question(q.clone()),
                Attachment::Criterion(["CC6.1", "CC7.2", "A1.2"][i].into()),
            ]),
        )
        .expect("add");
    }
    // The same contents again: a second file, stored once.
    ws.add_evidence(
        id,
        &small,
        input(vec![Attachment::Criterion("CC1.1".into())]),
    )
    .expect("add again");
    let db = raw(ws.database());
    let blobs: i64 = db
        .query_row("SELECT count(*) FROM evidence_blobs", [], |r| r.get(0))
        .expect("count");
    assert_eq!(blobs, 3, "duplicates are stored once");

    let file = dir.path().join("carry.trustgap");
    ws.export_portable(&[id], &file, false).expect("export");
    let mut empty_ws = Workspace::open(&dir.path().join("empty")).expect("empty workspace");
    let imported = empty_ws
        .import_portable(&file, ImportMode::Ask)
        .expect("import")[0];
    let locker = empty_ws.evidence_locker(imported, false).expect("locker");
    assert_eq!(locker.files.len(), 4);

    let entries = pack(&empty_ws, imported, &dir.path().join("pack.zip"));
    let manifest = String::from_utf8(entries["manifest.csv"].clone()).expect("utf-8");
    for original in originals {
        let hash = sha256sum(original);
        assert!(manifest.contains(&hash), "the manifest lists {hash}");
        let bytes = std::fs::read(original).expect("read");
        let (path, _) = entries
            .iter()
            .find(|(p, b)| **b == bytes && !p.ends_with(".csv"))
            .unwrap_or_else(|| panic!("{} is in the pack byte for byte", original.display()));
        assert!(path.contains('/'), "{path} sits in a criterion's folder");
    }
    assert!(
        entries
            .keys()
            .any(|p| p.ends_with("/Access review _ 一月.pdf")),
        "a name keeps its letters, any script, and loses what is unsafe: {:?}",
        entries.keys()
    );
    for doc in ["index.pdf", "request-list.xlsx"] {
        assert!(
            entries.get(doc).is_some_and(|b| b.len() > 1000),
            "{doc} is in the pack"
        );
    }
    assert!(entries
        .keys()
        .all(|p| !p.starts_with('/') && !p.contains("..")));
}

#[test]
fn altered_contents_in_a_trustgap_file_refuse_the_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut ws, id) = sample(dir.path());
    let f = noise(&dir.path().join("report.pdf"), 5000, 3);
    ws.add_evidence(id, &f, input(vec![Attachment::Criterion("CC4.1".into())]))
        .expect("add");
    let file = dir.path().join("x.trustgap");
    ws.export_portable(&[id], &file, false).expect("export");
    raw(&file)
        .execute(
            "UPDATE evidence_chunks SET data = zeroblob(length(data))",
            [],
        )
        .expect("tamper");
    let mut target = Workspace::open(&dir.path().join("t")).expect("target");
    let err = target
        .import_portable(&file, ImportMode::Ask)
        .expect_err("refused");
    assert!(err.message.contains("SHA-256"), "{}", err.message);
    assert!(
        target.overview().expect("overview").assessments.is_empty(),
        "nothing imported"
    );

    // A name from outside that is a path is refused too.
    ws.export_portable(&[id], &file, false)
        .expect("export again");
    raw(&file)
        .execute("UPDATE evidence_files SET name = '../../etc/passwd'", [])
        .expect("tamper");
    let err = target
        .import_portable(&file, ImportMode::Ask)
        .expect_err("refused");
    assert!(err.message.contains("name"), "{}", err.message);
}

#[test]
fn limits_attachments_and_dates_are_enforced_before_anything_is_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut ws, id) = sample(dir.path());
    let huge = dir.path().join("huge.bin");
    // Sparse: the size is checked before a byte is read.
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(MAX_FILE_BYTES + 1))
        .expect("sparse file");
    let err = ws
        .add_evidence(
            id,
            &huge,
            input(vec![Attachment::Criterion("CC1.1".into())]),
        )
        .expect_err("too large");
    assert!(err.message.contains("200 MB"), "{}", err.message);
    let ok = noise(&dir.path().join("ok.txt"), 10, 1);
    for (attach, what) in [
        (vec![], "nothing to attach to"),
        (
            vec![Attachment::Question("NOPE-999".into())],
            "unknown question",
        ),
        (
            vec![Attachment::Criterion("CC99.9".into())],
            "unknown criterion",
        ),
        (
            vec![Attachment::Request("PBC-404".into())],
            "unknown request item",
        ),
        (
            vec![Attachment::Action("no-such-action".into())],
            "unknown action",
        ),
    ] {
        assert!(
            ws.add_evidence(id, &ok, input(attach)).is_err(),
            "{what} is refused"
        );
    }
    let backwards = EvidenceInput {
        dates: EvidenceDates {
            covers_from: Some(date(2027, 3, 31)),
            covers_to: Some(date(2027, 1, 1)),
            ..EvidenceDates::default()
        },
        ..input(vec![Attachment::Criterion("CC1.1".into())])
    };
    assert!(ws.add_evidence(id, &ok, backwards).is_err());
    assert!(
        ws.add_evidence(
            id,
            dir.path(),
            input(vec![Attachment::Criterion("CC1.1".into())])
        )
        .is_err(),
        "a folder"
    );
    let db = raw(ws.database());
    let rows: i64 = db
        .query_row(
            "SELECT (SELECT count(*) FROM evidence_files) + (SELECT count(*) FROM evidence_blobs)",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(rows, 0, "nothing was stored");
}

#[test]
fn the_trash_keeps_a_file_until_emptied_and_then_its_contents_go() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut ws, id) = sample(dir.path());
    let f = noise(&dir.path().join("a.pdf"), 2048, 5);
    let added = ws
        .add_evidence(id, &f, input(vec![Attachment::Criterion("CC2.1".into())]))
        .expect("add");
    ws.trash_evidence(added.id, true).expect("trash");
    assert!(ws
        .evidence_locker(id, false)
        .expect("locker")
        .files
        .is_empty());
    ws.trash_evidence(added.id, false).expect("undo");
    assert_eq!(
        ws.evidence_locker(id, false).expect("locker").files.len(),
        1
    );
    ws.trash_evidence(added.id, true).expect("trash again");
    assert_eq!(ws.empty_evidence_trash(id).expect("empty"), 1);
    let db = raw(ws.database());
    let left: i64 = db
        .query_row(
            "SELECT (SELECT count(*) FROM evidence_blobs) + (SELECT count(*) FROM evidence_chunks)",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(left, 0, "contents no file uses are deleted");
    assert_eq!(
        ws.evidence_locker(id, true)
            .expect("locker")
            .workspace_bytes,
        0
    );
}

#[test]
fn the_sample_request_list_covers_every_criterion_in_scope() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, id) = sample(dir.path());
    let detail = ws.detail(id).expect("detail");
    let items = ws.request_list(id).expect("list");
    for c in ws
        .catalog
        .criteria
        .iter()
        .filter(|c| detail.summary.scope.contains(&c.category))
    {
        assert!(
            items.iter().any(|i| i.criteria.contains(&c.id)),
            "no request item for {}",
            c.id
        );
    }
    assert!(items.iter().any(|i| i.source == ItemSource::Control));
}

#[test]
fn an_auditors_list_with_bad_rows_is_refused_by_row_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut ws, id) = sample(dir.path());
    let before = ws.request_list(id).expect("list").len();
    let bad = "PBC #,Request,TSC\n1,Org chart,CC1.3\n2,,\n1,Duplicate,\n4,Something,CC42.1\n";
    let err = ws
        .import_requests(id, "pbc.csv", bad.as_bytes(), &[])
        .expect_err("refused");
    for row in ["Row 3", "Row 4", "Row 5"] {
        assert!(err.message.contains(row), "{row} in {}", err.message);
    }
    assert!(!err.message.contains("Row 2"));
    assert_eq!(
        ws.request_list(id).expect("list").len(),
        before,
        "nothing changed"
    );
    for hostile in [&b"\0\x01binary"[..], b"", "=cmd|' /C calc'!A0\n".as_bytes()] {
        assert!(ws.import_requests(id, "pbc.csv", hostile, &[]).is_err());
    }
    assert!(ws
        .import_requests(id, "pbc.txt", b"Request\nx\n", &[])
        .is_err());

    let good = "PBC #,Request description\n1,Penetration test report and the remediation of its findings\n2,Organisation chart\n";
    assert_eq!(
        ws.import_requests(id, "pbc.csv", good.as_bytes(), &[])
            .expect("import"),
        2
    );
    let items = ws.request_list(id).expect("list");
    assert_eq!(items.len(), before + 2);
    let pen = items.iter().find(|i| i.reference == "1").expect("item 1");
    assert_eq!(pen.source, ItemSource::Auditor);
    assert!(
        !pen.criteria.is_empty(),
        "criteria suggested from its words"
    );

    // A state set on it; a file attached to it makes the count; not applicable needs a reason.
    let f = noise(&dir.path().join("pentest.pdf"), 100, 2);
    ws.add_evidence(id, &f, input(vec![Attachment::Request("1".into())]))
        .expect("attach to the item");
    let item = ws
        .request_list(id)
        .expect("list")
        .into_iter()
        .find(|i| i.reference == "1")
        .expect("1");
    assert_eq!((item.files, item.status), (1, ItemStatus::Provided));
    let na = ItemState {
        status: Some(ItemStatus::NotApplicable),
        ..ItemState::default()
    };
    assert!(ws.set_request_state(id, "2", na.clone()).is_err());
    let set = ws
        .set_request_state(
            id,
            "2",
            ItemState {
                reason: Some("No offices.".into()),
                ..na
            },
        )
        .expect("set");
    assert_eq!(set.status, ItemStatus::NotApplicable);
    assert!(ws
        .set_request_state(id, "PBC-404", ItemState::default())
        .is_err());
}

#[test]
fn a_reassessment_keeps_the_evidence_without_copying_its_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut ws, id) = sample(dir.path());
    let f = noise(&dir.path().join("policy.pdf"), 4096, 11);
    ws.add_evidence(id, &f, input(vec![Attachment::Criterion("CC5.3".into())]))
        .expect("add");
    let copy = ws.reassess(id, "Next year").expect("reassess").id;
    let files = ws.evidence_locker(copy, false).expect("locker").files;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].sha256, sha256sum(&f));
    let blobs: i64 = raw(ws.database())
        .query_row("SELECT count(*) FROM evidence_blobs", [], |r| r.get(0))
        .expect("count");
    assert_eq!(blobs, 1);
}
