#!/usr/bin/env python3
"""Seeds for the xlsx fuzz target, from the spreadsheets in tests/fixtures.

The target reads its first byte as a mode (see fuzz_targets/xlsx.rs): 0 a whole file,
1 the XML parts of an .xlsx split at 0xFF bytes, 2 an .ods's content.xml. Run from the
repository root:  python3 tests/fuzz/seed_xlsx.py  (then minimise the corpus as docs/reliability.md says).
"""
import hashlib
import pathlib
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT / "tests" / "fuzz" / "corpus" / "xlsx"
SPREADSHEETS = ["dev/arbeid_velferd.xlsx", "layouts/messy.xlsx", "layouts/messy.ods"]


def seed(data: bytes) -> None:
    CORPUS.mkdir(parents=True, exist_ok=True)
    (CORPUS / hashlib.sha1(data).hexdigest()).write_bytes(data)


for name in SPREADSHEETS:
    path = FIXTURES / name
    seed(b"\x00" + path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        members = set(archive.namelist())
        if path.suffix == ".ods":
            seed(b"\x02" + archive.read("content.xml"))
            continue
        sheets = sorted(m for m in members if m.startswith("xl/worksheets/sheet"))
        optional = ["xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml"]
        for sheet in sheets:
            parts = [archive.read(sheet)] + [archive.read(m) if m in members else b"" for m in optional]
            seed(b"\x01" + b"\xff".join(parts))
            # The sheet alone: inline strings and numbers only.
            seed(b"\x01" + archive.read(sheet))
