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

/// One bar per lead ministry, the largest total request first. Without a frame (`in_frame`,
/// a plan's, by row) every amount is outside.
pub fn by_ministry(matrix: &ScoreMatrix, in_frame: Option<&[bool]>) -> Vec<MinistryBar> {
    let mut bars: Vec<MinistryBar> = Vec::new();
    for (row, candidate) in matrix.rows().iter().enumerate() {
        let ministry = candidate.lead_ministry().map(str::to_string);
        let index = match bars.iter().position(|b| b.ministry == ministry) {
            Some(index) => index,
            None => {
                bars.push(MinistryBar { ministry, ..MinistryBar::default() });
                bars.len() - 1
            }
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
}
