//! Data for the portfolio screen: value against cost for every proposal, and requested
//! amounts by ministry, in and out of the frame.

use super::matrix::ScoreMatrix;
use super::ranking::Ranking;
use serde::Serialize;

/// One proposal on the value-versus-cost chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScatterPoint {
    pub row: usize,
    pub amount_nok: i64,
    pub total: f64,
    pub in_frame: bool,
    pub incomplete: bool,
}

/// Every proposal with a requested amount, in rank order. `in_frame` (a plan's, by row) is
/// false without a frame.
pub fn scatter(matrix: &ScoreMatrix, ranking: &Ranking, in_frame: Option<&[bool]>) -> Vec<ScatterPoint> {
    ranking
        .rows()
        .filter_map(|row| {
            let amount_nok = matrix.row(row).amount_nok?;
            Some(ScatterPoint {
                row,
                amount_nok,
                total: ranking.totals[row],
                in_frame: in_frame.is_some_and(|mask| mask.get(row).copied().unwrap_or(false)),
                incomplete: !matrix.is_complete(row),
            })
        })
        .collect()
}

/// The score axis for `points`: from a little under the lowest total to a little over the
/// highest (a twentieth of the spread, at least one point, on whole points), within 0..100;
/// 0..100 when there are none.
pub fn score_bounds(points: &[ScatterPoint]) -> (f64, f64) {
    let totals = points.iter().map(|p| p.total).filter(|t| t.is_finite());
    let (min, max) = totals.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), t| (lo.min(t), hi.max(t)));
    if min > max {
        return (0.0, 100.0);
    }
    let margin = ((max - min) / 20.0).max(1.0);
    let low = (min - margin).floor().max(0.0);
    let high = (max + margin).ceil().min(100.0);
    if high - low < 2.0 { ((low - 1.0).max(0.0), (high + 1.0).min(100.0)) } else { (low, high) }
}

/// Requested amounts of one lead ministry, split by the frame.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MinistryBar {
    /// The lead ministry's code; None for proposals without a known ministry.
    pub ministry: Option<String>,
    pub in_frame_nok: i64,
    pub outside_nok: i64,
    pub in_frame_count: usize,
    pub outside_count: usize,
    /// Proposals without a requested amount (counted, no amount to add).
    pub no_amount_count: usize,
}

impl MinistryBar {
    /// Every requested amount of the ministry, in and out of the frame.
    pub fn total_nok(&self) -> i64 {
        self.in_frame_nok + self.outside_nok
    }

    /// The share of the requested amount inside the frame, in whole per cent (0 without
    /// any amount).
    pub fn in_frame_percent(&self) -> u8 {
        let total = self.total_nok();
        if total <= 0 {
            return 0;
        }
        let share = (self.in_frame_nok.max(0) as f64 / total as f64 * 100.0).round();
        share.clamp(0.0, 100.0) as u8
    }
}

/// One bar per lead ministry, the largest total request first. Without a frame (`in_frame`,
/// a plan's, by row) every amount is outside.
pub fn by_ministry(matrix: &ScoreMatrix, in_frame: Option<&[bool]>) -> Vec<MinistryBar> {
    let mut bars: Vec<MinistryBar> = Vec::new();
    for (row, candidate) in matrix.rows().iter().enumerate() {
        let ministry = candidate.lead_ministry().map(str::to_string);
        let index = if let Some(index) = bars.iter().position(|b| b.ministry == ministry) {
            index
        } else {
            bars.push(MinistryBar { ministry, ..MinistryBar::default() });
            bars.len() - 1
        };
        let bar = &mut bars[index];
        match candidate.amount_nok {
            None => bar.no_amount_count += 1,
            Some(amount) if in_frame.is_some_and(|mask| mask.get(row).copied().unwrap_or(false)) => {
                bar.in_frame_nok += amount;
                bar.in_frame_count += 1;
            }
            Some(amount) => {
                bar.outside_nok += amount;
                bar.outside_count += 1;
            }
        }
    }
    bars.sort_by(|a, b| {
        (b.in_frame_nok + b.outside_nok)
            .cmp(&(a.in_frame_nok + a.outside_nok))
            .then_with(|| a.ministry.cmp(&b.ministry))
    });
    bars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{Candidate, Duplicates, Locks, Mode, ScoreMatrix, Weights};

    #[test]
    fn bars_split_amounts_by_the_frame_and_scatter_follows_the_ranking() {
        let criteria =
            crate::scoring::Criteria::from_reference(&crate::reference::ReferenceSource::builtin()).expect("criteria");
        let rows = vec![
            Candidate { id: 1, ministries: vec!["HOD".into()], amount_nok: Some(40_000_000), ..Candidate::default() },
            Candidate { id: 2, ministries: vec!["HOD".into()], amount_nok: Some(80_000_000), ..Candidate::default() },
            Candidate { id: 3, ministries: vec!["AID".into()], amount_nok: Some(10_000_000), ..Candidate::default() },
            Candidate { id: 4, ..Candidate::default() },
        ];
        let matrix = ScoreMatrix::new(criteria, rows, []);
        let ranking = matrix.rank(&Weights::current(matrix.criteria()));
        let weights = Weights::current(matrix.criteria());
        let plan = matrix
            .prioritise(&ranking, &weights, 50_000_000, Locks::default(), Mode::RankOrder, &Duplicates::default())
            .expect("plan")
            .plan;
        let bars = by_ministry(&matrix, Some(&plan.in_frame));
        let hod = bars.iter().find(|b| b.ministry.as_deref() == Some("HOD")).expect("HOD");
        assert_eq!(hod.in_frame_nok + hod.outside_nok, 120_000_000);
        assert_eq!(bars[0].ministry.as_deref(), Some("HOD"), "largest request first");
        assert_eq!(bars.iter().find(|b| b.ministry.is_none()).map(|b| b.no_amount_count), Some(1));
        let in_frame: i64 = bars.iter().map(|b| b.in_frame_nok).sum();
        assert_eq!(in_frame, plan.spent_nok);

        let points = scatter(&matrix, &ranking, Some(&plan.in_frame));
        assert_eq!(points.len(), 3, "no point without an amount");
        let first_with_amount = ranking.rows().find(|&r| matrix.row(r).amount_nok.is_some());
        assert_eq!(Some(points[0].row), first_with_amount);
        assert!(points.iter().all(|p| p.incomplete), "nobody has manual scores yet");
    }

    #[test]
    fn the_score_axis_spans_the_scores_with_a_margin_and_the_share_is_whole_per_cent() {
        let point = |total: f64| ScatterPoint { row: 0, amount_nok: 1, total, in_frame: false, incomplete: false };
        assert_eq!(score_bounds(&[]), (0.0, 100.0));
        assert_eq!(score_bounds(&[point(42.3), point(61.8), point(50.0)]), (41.0, 63.0));
        assert_eq!(score_bounds(&[point(20.0), point(80.0)]), (17.0, 83.0));
        assert_eq!(score_bounds(&[point(0.0), point(100.0)]), (0.0, 100.0));
        assert_eq!(score_bounds(&[point(50.0)]), (49.0, 51.0));
        assert_eq!(score_bounds(&[point(f64::NAN)]), (0.0, 100.0));
        let bar = MinistryBar { in_frame_nok: 42, outside_nok: 58, ..MinistryBar::default() };
        assert_eq!((bar.total_nok(), bar.in_frame_percent()), (100, 42));
        assert_eq!(MinistryBar::default().in_frame_percent(), 0);
    }
}
