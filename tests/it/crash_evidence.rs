//! Crash safety of the evidence locker: a child adds files (each over a megabyte, so several
//! chunks) until it is SIGKILLed at a random moment; after each kill the workspace must pass
//! `integrity_check`, hold every file the child acknowledged with its exact bytes, and nothing
//! half-written: no file without contents, no contents without a file, no chunk missing.

use crate::crash::{pause, start, Running};
use crate::dbcheck::{assert_sound, raw};
use crate::seeded::{self, Rng};
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;
use trustgap_domain::evidence::Attachment;
use trustgap_workspace::{EvidenceInput, Workspace};

/// Kills of the evidence child: at least 100 (`TRUSTGAP_CRASH_KILLS` / 2 when larger).
fn kills() -> u64 {
    (seeded::count("TRUSTGAP_CRASH_KILLS", 200) as u64 / 2).max(100)
}

/// The bytes of file number `n`: deterministic, so the parent knows them without being told.
fn contents(n: u64) -> Vec<u8> {
    let len = 1024 * 1024 + (n as usize * 7919) % (512 * 1024);
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The child: adds files named `<n>.bin` to the first assessment until killed, saying
/// "ack <n>" after each add returned.
pub(crate) fn child(dir: &Path, seed: u64, round: u64) {
    let mut ws = Workspace::open(dir).expect("open workspace");
    let id = match ws.overview().expect("overview").assessments.first() {
        Some(a) => a.id,
        None => {
            ws.create_sample(chrono::Utc::now().date_naive())
                .expect("sample")
                .id
        }
    };
    let staging = dir.join(format!("staging-{round}"));
    std::fs::create_dir_all(&staging).expect("staging");
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let mut n = round * 1000;
    crate::crash::say("ready");
    while started.elapsed() < std::time::Duration::from_secs(60) {
        n += 1;
        let path = staging.join(format!("{n}.bin"));
        std::fs::write(&path, contents(n)).expect("stage");
        let criterion = rng.pick(&["CC6.1", "CC7.2", "CC8.1"]).to_string();
        ws.add_evidence(
            id,
            &path,
            EvidenceInput {
                attach: vec![Attachment::Criterion(criterion)],
                ..EvidenceInput::default()
            },
        )
        .expect("add");
        crate::crash::say(&format!("ack {n}"));
    }
}

/// Checks the workspace after a kill; `checked` holds the file ids already hashed.
fn check(
    dir: &Path,
    acked: &HashSet<u64>,
    in_flight: &HashSet<u64>,
    checked: &mut HashSet<i64>,
    ctx: &str,
) {
    trustgap_store::Store::open_dir(dir).unwrap_or_else(|e| panic!("{ctx}: reopening: {e}"));
    let conn: Connection = raw(&dir.join(trustgap_workspace::DB_FILE));
    assert_sound(&conn, ctx);
    let broken: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM evidence_blobs b WHERE size <> \
               (SELECT coalesce(sum(length(data)), 0) FROM evidence_chunks WHERE blob_id = b.id)) \
             + (SELECT count(*) FROM evidence_blobs b WHERE NOT EXISTS \
               (SELECT 1 FROM evidence_files WHERE blob_id = b.id)) \
             + (SELECT count(*) FROM evidence_files f WHERE NOT EXISTS \
               (SELECT 1 FROM evidence_links WHERE file_id = f.id)) \
             + (SELECT count(*) FROM evidence_blobs b WHERE (SELECT count(*) FROM evidence_chunks \
               WHERE blob_id = b.id) <> (SELECT coalesce(max(seq) + 1, 0) FROM evidence_chunks \
               WHERE blob_id = b.id))",
            [],
            |r| r.get(0),
        )
        .expect("structure");
    assert_eq!(
        broken, 0,
        "{ctx}: a half-written file, orphan contents or a missing chunk"
    );
    let files: Vec<(i64, String, String)> = conn
        .prepare("SELECT f.id, f.name, b.sha256 FROM evidence_files f JOIN evidence_blobs b ON b.id = f.blob_id")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
        .expect("files");
    let mut present = HashSet::new();
    for (id, name, sha) in files {
        let n: u64 = name
            .trim_end_matches(".bin")
            .parse()
            .expect("a name the child wrote");
        assert!(
            acked.contains(&n) || in_flight.contains(&n),
            "{ctx}: {name} was never acknowledged and was not in flight at a kill"
        );
        present.insert(n);
        if checked.insert(id) {
            assert_eq!(sha, hex(&contents(n)), "{ctx}: {name}'s recorded hash");
            let mut h = Sha256::new();
            let mut stmt = conn
                .prepare("SELECT data FROM evidence_chunks WHERE blob_id = (SELECT blob_id FROM evidence_files WHERE id = ?1) ORDER BY seq")
                .expect("chunks");
            let mut rows = stmt.query([id]).expect("chunks");
            while let Some(r) = rows.next().expect("chunk") {
                h.update(r.get_ref(0).expect("data").as_blob().expect("blob"));
            }
            let got: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(got, sha, "{ctx}: {name}'s stored bytes");
        }
    }
    let lost: Vec<_> = acked.iter().filter(|n| !present.contains(n)).collect();
    assert!(lost.is_empty(), "{ctx}: acknowledged files lost: {lost:?}");
}

#[test]
fn killed_evidence_adds_leave_no_partial_file() {
    let (seed, mut rng, started) = start("evidence adds");
    let kills = kills();
    let dir = tempfile::tempdir().expect("tempdir");
    let logs = tempfile::tempdir().expect("log dir");
    let mut acked: HashSet<u64> = HashSet::new();
    let mut checked = HashSet::new();
    let mut in_flight: HashSet<u64> = HashSet::new();
    let db = dir.path().join(trustgap_workspace::DB_FILE);
    let journal = std::path::PathBuf::from(format!("{}-journal", db.display()));
    let mut mid_write = 0;
    for round in 1..=kills {
        let mut child = Running::spawn("evidence", rng.next_u64(), round, dir.path(), logs.path());
        child.wait_for("ready");
        pause(&mut rng, 0, 80_000);
        let mut last = round * 1000;
        for line in child.kill() {
            if let Some(n) = line.strip_prefix("ack ") {
                last = n.parse().expect("file number");
                acked.insert(last);
            }
        }
        // The one add of this round that may be committed without an acknowledgement.
        in_flight.insert(last + 1);
        // Adds go through a rollback journal: a kill mid-add leaves it hot for the reopen.
        mid_write += usize::from(journal.exists());
        check(
            dir.path(),
            &acked,
            &in_flight,
            &mut checked,
            &format!("after kill {round}"),
        );
        let _ = std::fs::remove_dir_all(dir.path().join(format!("staging-{round}")));
    }
    assert!(
        mid_write > 0,
        "no kill landed mid-add (seed {seed}): the rollback journal's recovery went untested"
    );
    seeded::report(&format!(
        "crash evidence: {kills} kills ({mid_write} with a hot journal), {} acknowledged files \
         all kept whole, {:.1?} (seed {seed})",
        acked.len(),
        started.elapsed()
    ));
}
