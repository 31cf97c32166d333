//! Priority lists as CSV: by default what Norwegian Excel opens correctly by double-click
//! (UTF-8 with a byte-order mark, semicolons, decimal comma), or plain comma CSV.

use super::escape::csv_cell;
use super::list::PriorityList;
use super::table::{Cell, header, row_cells};
use crate::error::{Error, Result};

/// Which CSV dialect to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvStyle {
    /// UTF-8 with BOM, `;` between cells, decimal comma: Excel with Norwegian (and most
    /// European) settings opens it by double-click with æøå and numbers right; without the
    /// BOM it would read the file as Windows-1252, and commas as separators would clash with
    /// the decimal comma.
    #[default]
    Excel,
    /// UTF-8 without BOM, `,` between cells, decimal point: for scripts and other tools.
    Plain,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn to_csv(list: &PriorityList, style: CsvStyle) -> Result<Vec<u8>> {
    let (delimiter, decimal_comma) = match style {
        CsvStyle::Excel => (b';', true),
        CsvStyle::Plain => (b',', false),
    };
    let mut out = Vec::new();
    if style == CsvStyle::Excel {
        out.extend_from_slice(BOM);
    }
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(out);
    let csv_error = |e: csv::Error| Error::encode("CSV", e);
    writer.write_record(header(list).iter().map(|h| csv_cell(h).into_owned())).map_err(csv_error)?;
    for row in &list.rows {
        let record: Vec<String> = row_cells(list, row)
            .into_iter()
            .map(|cell| match cell {
                Cell::Text(text) => csv_cell(&text).into_owned(),
                Cell::Integer(value) => value.map(|v| v.to_string()).unwrap_or_default(),
                Cell::Decimal(value) => value.map(|v| decimal(v, decimal_comma)).unwrap_or_default(),
            })
            .collect();
        writer.write_record(&record).map_err(csv_error)?;
    }
    writer.into_inner().map_err(|e| Error::encode("CSV", e))
}

/// Scores with one decimal: "72,4" for Norwegian Excel, "72.4" for plain CSV.
fn decimal(value: f64, comma: bool) -> String {
    let text = format!("{value:.1}");
    if comma { text.replace('.', ",") } else { text }
}
