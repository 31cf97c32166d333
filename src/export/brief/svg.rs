//! Small inline SVG bar charts for the HTML brief, written by hand: a horizontal bar per
//! group with its value written at the end, optionally the part of it within the budget
//! frame drawn darker, and the axis titled with its unit.
//! Everything is text inside the one HTML file: no fonts, scripts or images to fetch, and it
//! prints sharp at any size.

use super::super::escape::html;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The part of `value` drawn darker (within the frame); 0 for none.
    pub highlight: f64,
    /// The value as the reader should see it ("1 234,5").
    pub text: String,
}

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 190.0;
/// Room for the value written after the longest bar ("11 749,2 · 12 % i rammen").
const VALUE_WIDTH: f64 = 150.0;
/// Room under the bars for the axis line and its title.
const AXIS_HEIGHT: f64 = 22.0;
const ROW_HEIGHT: f64 = 22.0;
const BAR_HEIGHT: f64 = 14.0;
/// Labels longer than this are cut with "…" (the table beside the chart has them whole).
const LABEL_CHARS: usize = 30;

/// A horizontal bar chart, every bar labelled with its value, the axis titled `axis` (what
/// the bars measure, with the unit). The template puts the caption and legend beside it, and
/// the same figures are in a table, so screen readers skip it.
pub fn bar_chart(bars: &[Bar], axis: &str) -> String {
    let max = bars.iter().map(|b| b.value).filter(|v| v.is_finite()).fold(0.0_f64, f64::max);
    let top = 4.0;
    let bottom = top + ROW_HEIGHT * bars.len() as f64 + 2.0;
    let height = bottom + AXIS_HEIGHT;
    let plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"100%\" aria-hidden=\"true\">\n"
    );
    for (index, bar) in bars.iter().enumerate() {
        let y = top + ROW_HEIGHT * index as f64;
        let scale =
            |value: f64| if max > 0.0 && value.is_finite() { (value.max(0.0) / max * plot).max(0.0) } else { 0.0 };
        let width = scale(bar.value);
        let inside = scale(bar.highlight.min(bar.value));
        let label = crate::text::shorten(&bar.label, LABEL_CHARS);
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" class=\"label\" text-anchor=\"end\">{}</text>",
            LABEL_WIDTH - 8.0,
            y + 15.0,
            html(&label)
        ));
        svg.push_str(&format!(
            "<rect x=\"{LABEL_WIDTH}\" y=\"{}\" width=\"{width:.1}\" height=\"{BAR_HEIGHT}\" class=\"bar\"/>",
            y + 4.0
        ));
        if inside > 0.0 {
            svg.push_str(&format!(
                "<rect x=\"{LABEL_WIDTH}\" y=\"{}\" width=\"{inside:.1}\" height=\"{BAR_HEIGHT}\" class=\"bar-in\"/>",
                y + 4.0
            ));
        }
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{}\" class=\"value\">{}</text>\n",
            LABEL_WIDTH + width + 6.0,
            y + 15.0,
            html(&bar.text)
        ));
    }
    svg.push_str(&format!(
        "<line x1=\"{LABEL_WIDTH}\" y1=\"{bottom}\" x2=\"{:.1}\" y2=\"{bottom}\" class=\"axis\"/>\n",
        LABEL_WIDTH + plot
    ));
    svg.push_str(&format!(
        "<text x=\"{LABEL_WIDTH}\" y=\"{:.1}\" class=\"axis-title\">{}</text>\n",
        bottom + 15.0,
        html(axis)
    ));
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_labels_are_escaped() {
        let bars = vec![
            Bar { label: "HOD".into(), value: 100.0, highlight: 40.0, text: "100,0".into() },
            Bar { label: "<script>Ærlig</script>".into(), value: 50.0, highlight: 0.0, text: "50,0".into() },
        ];
        let svg = bar_chart(&bars, "Søkt beløp (MNOK)");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(&format!("width=\"{:.1}\"", WIDTH - LABEL_WIDTH - VALUE_WIDTH)), "largest fills");
        assert!(svg.contains("&lt;script&gt;Ærlig&lt;/script&gt;") && !svg.contains("<script>"));
        assert_eq!(svg.matches("class=\"bar-in\"").count(), 1, "one highlight");
        assert!(bar_chart(&[], "MNOK").contains("</svg>"));
        assert_eq!(svg.matches("class=\"value\"").count(), 2, "every bar labelled");
        assert!(svg.contains("class=\"axis-title\">Søkt beløp (MNOK)</text>"), "the unit in the axis title");
        let odd = vec![Bar { label: "x".into(), value: f64::NAN, highlight: f64::INFINITY, text: "?".into() }];
        assert!(!bar_chart(&odd, "").contains("NaN"), "no NaN widths");
    }
}
