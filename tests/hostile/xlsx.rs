//! The smallest .xlsx calamine reads: one sheet of inline strings, stored uncompressed.
//! Enough to put escape sequences where a spreadsheet can hold them: in cells (XML cannot
//! carry ESC, but Excel's `_x001B_` escape can) and in the sheet's name.

use std::io::Write;

/// An .xlsx whose sheet `sheet_name` holds `rows` as text cells. Cells are written as
/// given, so they may hold Excel escapes (`_x001B_`); `&`, `<` and `>` are escaped here.
pub fn workbook(sheet_name: &str, rows: &[Vec<&str>]) -> Vec<u8> {
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let column = char::from(b'A' + u8::try_from(c).expect("few columns"));
            cells.push((format!("{column}{}", r + 1), *text));
        }
    }
    workbook_with_cells(sheet_name, &cells)
}

/// An .xlsx with text cells at the references given, as written (`A1`, `XFD1048576`, or
/// anything else a hostile file might put there), one row element each.
pub fn workbook_with_cells(sheet_name: &str, cells: &[(String, &str)]) -> Vec<u8> {
    let mut sheet = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    ));
    for (reference, text) in cells {
        sheet.push_str(&format!(r#"<row><c r="{reference}" t="inlineStr"><is><t>{}</t></is></c></row>"#, xml(text)));
    }
    sheet.push_str("</sheetData></worksheet>");
    let workbook = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
            r#"<sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        ),
        xml(sheet_name)
    );
    let parts: [(&str, &str); 5] = [
        (
            "[Content_Types].xml",
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
                r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
                r#"<Default Extension="xml" ContentType="application/xml"/>"#,
                r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
                r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
                r#"</Types>"#
            ),
        ),
        (
            "_rels/.rels",
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
                r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
                r#"</Relationships>"#
            ),
        ),
        ("xl/workbook.xml", &workbook),
        (
            "xl/_rels/workbook.xml.rels",
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
                r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
                r#"</Relationships>"#
            ),
        ),
        ("xl/worksheets/sheet1.xml", &sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in parts {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// An .ods whose content.xml is `content` as given (whole, or cut short).
pub fn ods(content: &str) -> Vec<u8> {
    let manifest = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">"#,
        r#"<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>"#,
        r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>"#,
        r#"</manifest:manifest>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content),
    ] {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// An .ods content.xml with one table of `rows` text cells, whole.
pub fn ods_content(rows: &[Vec<&str>]) -> String {
    let mut content = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
        r#"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#,
        r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">"#,
        r#"<office:body><office:spreadsheet><table:table table:name="Ark1">"#
    ));
    for row in rows {
        content.push_str("<table:table-row>");
        for cell in row {
            content.push_str(&format!(
                r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                xml(cell)
            ));
        }
        content.push_str("</table:table-row>");
    }
    content.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    content
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
