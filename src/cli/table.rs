//! Plain-text tables for the terminal: columns padded by display width, one flexible column
//! shortened with "…" to fit, every cell made safe to print.

use crate::text::{display_line, truncate_to_width as truncate};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

pub struct Column {
    pub header: String,
    pub align: Align,
    /// The widest this column may get (None: as wide as its content).
    pub max: Option<usize>,
    /// The column that shrinks first when the table is too wide.
    pub flexible: bool,
}

impl Column {
    pub fn new(header: &str) -> Self {
        Self { header: header.to_string(), align: Align::Left, max: None, flexible: false }
    }

    #[must_use]
    pub fn right(mut self) -> Self {
        self.align = Align::Right;
        self
    }

    #[must_use]
    pub fn max(mut self, width: usize) -> Self {
        self.max = Some(width);
        self
    }

    #[must_use]
    pub fn flexible(mut self) -> Self {
        self.flexible = true;
        self
    }
}

fn pad(text: &str, width: usize, align: Align) -> String {
    let fill = " ".repeat(width.saturating_sub(text.width()));
    match align {
        Align::Left => format!("{text}{fill}"),
        Align::Right => format!("{fill}{text}"),
    }
}

/// The flexible column's widest when there is no terminal width to fit.
const UNFITTED_FLEXIBLE_WIDTH: usize = 160;

/// Renders rows under headers, fitting `total_width` when given.
pub fn render(columns: &[Column], rows: &[Vec<String>], total_width: Option<usize>) -> String {
    // Cells are made safe as they are measured and written, not copied first: `samla list`
    // renders a million rows.
    let mut widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, col)| {
            let content = rows.iter().map(|r| r.get(i).map_or(0, |c| display_line(c).width())).max().unwrap_or(0);
            let width = content.max(col.header.width());
            col.max.map_or(width, |m| width.min(m.max(col.header.width())))
        })
        .collect();
    if total_width.is_none() {
        // Written to a file or a pipe: no terminal to fit, but one 1 MB title must not pad
        // every line to a megabyte. CSV and JSON carry whole values.
        for (width, column) in widths.iter_mut().zip(columns) {
            if column.flexible {
                *width = (*width).min(UNFITTED_FLEXIBLE_WIDTH);
            }
        }
    }
    if let Some(total) = total_width {
        let gaps = columns.len().saturating_sub(1) * 2;
        let used: usize = widths.iter().sum::<usize>() + gaps;
        if used > total {
            if let Some(flex) = columns.iter().position(|c| c.flexible) {
                let others = used - widths[flex];
                widths[flex] = total.saturating_sub(others).max(columns[flex].header.width()).max(10);
            }
        }
    }
    let mut out = String::new();
    let line = |cells: &[String]| -> String {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, cell)| pad(&truncate(&display_line(cell), widths[i]), widths[i], columns[i].align))
            .collect();
        parts.join("  ").trim_end().to_string()
    };
    let header: Vec<String> = columns.iter().map(|c| c.header.clone()).collect();
    out.push_str(&line(&header));
    out.push('\n');
    for row in rows {
        out.push_str(&line(row));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_display_width_and_truncates_the_flexible_column() {
        let columns = vec![Column::new("ID").right(), Column::new("Tittel").flexible(), Column::new("MNOK").right()];
        let rows = vec![
            vec!["1".into(), "Ny dødsboløsning for hele landet".into(), "12,5".into()],
            vec!["22".into(), "Kort".into(), "0,4".into()],
        ];
        let text = render(&columns, &rows, Some(30));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "ID  Tittel                MNOK");
        assert_eq!(lines[1], " 1  Ny dødsboløsning fo…  12,5");
        assert_eq!(lines[2], "22  Kort                   0,4");
        assert!(lines.iter().all(|l| l.width() <= 30));
    }

    #[test]
    fn without_a_terminal_a_huge_cell_is_cut_not_padded_everywhere() {
        let columns = vec![Column::new("ID").right(), Column::new("Tittel").flexible()];
        let rows = vec![vec!["1".into(), "x".repeat(1_000_000)], vec!["2".into(), "Kort".into()]];
        let text = render(&columns, &rows, None);
        assert!(text.lines().all(|l| l.width() <= 4 + UNFITTED_FLEXIBLE_WIDTH), "{}", text.len());
        assert!(text.lines().nth(1).is_some_and(|l| l.ends_with('…')));
        assert!(text.lines().nth(2).is_some_and(|l| l.ends_with("Kort")));
    }

    #[test]
    fn escapes_control_characters_in_cells() {
        let text = render(&[Column::new("T")], &[vec!["a\u{1b}[2Jb".into()]], None);
        assert!(!text.contains('\u{1b}'));
        assert!(text.contains("a\\e[2Jb"));
    }
}
