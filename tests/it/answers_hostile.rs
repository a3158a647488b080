//! Hostile questionnaire files: each refused with a message that says what to do, and the
//! assessment unchanged.

use crate::answers_import::{csv_row, HEADER};
use crate::readers::read_with;
use crate::reports::sample;
use crate::support::TempWorkspace;
use crate::workbooks::{export, responses};
use trustgap_workspace::{DataFormat, ErrorCode};

fn refused(t: &mut TempWorkspace, id: i64, name: &str, bytes: &[u8], says: &str) {
    let path = t.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let before = responses(t, id);
    let err = t.ws.import_answers(id, &path).expect_err(name);
    assert_eq!(err.code, ErrorCode::Validation, "{name}: {}", err.message);
    assert!(err.message.contains(says), "{name}: {}", err.message);
    assert_eq!(responses(t, id), before, "{name} changed nothing");
}

#[test]
fn hostile_files_are_refused_cleanly() {
    let (mut t, id) = sample();
    let good =
        std::fs::read(export(&t, id, DataFormat::XlsxQuestionnaire, "good.xlsx")).expect("read");
    refused(
        &mut t,
        id,
        "text.xlsx",
        b"Question ID,Answer\n",
        "not an Excel workbook",
    );
    refused(
        &mut t,
        id,
        "cut.xlsx",
        &good[..good.len() / 2],
        "not an Excel workbook",
    );
    refused(&mut t, id, "notes.txt", b"hello", "(.xlsx) or a CSV file");
    let huge = vec![b'a'; (trustgap_workspace::MAX_QUESTIONNAIRE_BYTES + 1) as usize];
    refused(
        &mut t,
        id,
        "huge.csv",
        &huge,
        "a questionnaire is at most 10 MB",
    );
    refused(
        &mut t,
        id,
        "latin1.csv",
        b"Question ID,Answer\r\nA,caf\xe9\r\n",
        "not UTF-8",
    );
    refused(
        &mut t,
        id,
        "columns.csv",
        csv_row(&["Question ID", "Question", "Notes"]).as_bytes(),
        "no \"Answer\", \"N/A justification\" column",
    );
    let mut many = csv_row(&HEADER);
    for i in 0..=trustgap_workspace::MAX_QUESTIONNAIRE_ROWS {
        many += &csv_row(&[&format!("X-{i}"), "", "", "", "", "", ""]);
    }
    refused(
        &mut t,
        id,
        "many.csv",
        many.as_bytes(),
        "more than 5000 rows",
    );
    // The assessment workbook is not the questionnaire.
    let workbook = std::fs::read(export(&t, id, DataFormat::Xlsx, "w.xlsx")).expect("read");
    refused(
        &mut t,
        id,
        "workbook.xlsx",
        &workbook,
        "no sheet called \"Questionnaire\"",
    );

    // A small file that claims to unpack to far more than a questionnaire.
    let bomb = t.dir.path().join("bomb.xlsx");
    std::fs::copy(t.dir.path().join("good.xlsx"), &bomb).expect("copy");
    read_with(
        r#"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "a", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/padding.bin", b"\0" * (120 * 1024 * 1024))
print("{}")
"#,
        &bomb,
    );
    let bytes = std::fs::read(&bomb).expect("read");
    assert!(
        bytes.len() < 1024 * 1024,
        "the bomb is small: {}",
        bytes.len()
    );
    refused(&mut t, id, "bomb.xlsx", &bytes, "unpacks to far more data");

    // The same bomb lying about its size: its part declares 1,000 bytes in both headers, so
    // only inflating it shows what it holds (the zip reader then fails on it: a damaged file).
    let liar = t.dir.path().join("liar.xlsx");
    std::fs::copy(t.dir.path().join("good.xlsx"), &liar).expect("copy");
    read_with(
        r#"
import sys, zipfile, struct
path, name = sys.argv[1], b"xl/padding.bin"
with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
    z.writestr(name.decode(), b"\0" * (120 * 1024 * 1024))
data = bytearray(open(path, "rb").read())
patched = 0
for sig, name_len_at, name_at, size_at in ((b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)):
    i = data.find(sig)
    while i >= 0:
        n = struct.unpack_from("<H", data, i + name_len_at)[0]
        if data[i + name_at:i + name_at + n] == name:
            struct.pack_into("<I", data, i + size_at, 1000)
            patched += 1
        i = data.find(sig, i + 4)
assert patched == 2, patched
open(path, "wb").write(data)
print("{}")
"#,
        &liar,
    );
    let bytes = std::fs::read(&liar).expect("read");
    refused(&mut t, id, "liar.xlsx", &bytes, "not an Excel workbook");

    // A cell a million rows down is refused, one far right ignored, without a huge table.
    let far = t.dir.path().join("far.xlsx");
    std::fs::write(&far, &good).expect("write");
    read_with(
        r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Questionnaire"]
ws.cell(row=2, column=16384).value = "far right, ignored"
ws.cell(row=1048576, column=1).value = "far down"
wb.save(sys.argv[1])
print("{}")
"#,
        &far,
    );
    let bytes = std::fs::read(&far).expect("read");
    refused(&mut t, id, "far.xlsx", &bytes, "more than 5000 rows");
}

#[test]
fn an_edited_question_from_another_bank_version_says_to_export_afresh() {
    let (mut t, id) = sample();
    let path = export(&t, id, DataFormat::XlsxQuestionnaire, "old.xlsx");
    read_with(
        r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ins = wb["Instructions"]
row = next(r for r in ins.iter_rows() if r[0].value == "Question bank version")
row[1].value = "0.0.1"
wb["Questionnaire"].cell(row=4, column=3).value = "An older wording of the question"
wb.save(sys.argv[1])
print("{}")
"#,
        &path,
    );
    let before = responses(&t, id);
    let err = t.ws.import_answers(id, &path).expect_err("refused");
    assert_eq!(err.code, ErrorCode::Validation);
    let line = err
        .message
        .lines()
        .find(|l| l.starts_with("Row 4: "))
        .unwrap_or_else(|| panic!("row 4 listed: {}", err.message));
    assert!(
        line.contains("exported with question bank 0.0.1")
            && line.contains(&format!("now uses {}", t.ws.catalog.version)),
        "{line}"
    );
    assert_eq!(responses(&t, id), before);
}
