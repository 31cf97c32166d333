//! The simple rules the exact selection is compared with: down the ranked list, and by
//! value per krone (WSJF/RICE style), each taking every proposal that still fits.

use super::{BudgetItem, Greedy, Lock, cost, units, value_of};

/// What the greedy rules start from: the same locks and the capacity the locked items
/// leave, counted in the same units, so the comparison is fair; and the exact set.
pub(super) struct Start<'a> {
    pub items: &'a [BudgetItem],
    pub locked: &'a [Lock],
    pub locked_in: &'a [usize],
    /// Units left after the locked items.
    pub capacity: i64,
    pub resolution: i64,
    /// The exact set, in rank order, and whether each item is in it.
    pub exact: &'a [usize],
    pub in_exact: &'a [bool],
}

impl Start<'_> {
    /// Takes each free item of `sequence`, in turn, that still fits.
    pub fn fill(&self, sequence: impl IntoIterator<Item = usize>) -> Greedy {
        let mut left = self.capacity;
        let mut taken: Vec<usize> = self.locked_in.to_vec();
        for i in sequence {
            let Some(item_cost) = cost(self.items[i]) else { continue };
            let item_units = units(item_cost, self.resolution);
            if self.locked[i] == Lock::Free && item_units <= left {
                left -= item_units;
                taken.push(i);
            }
        }
        let mut mask = vec![false; self.items.len()];
        for &i in &taken {
            mask[i] = true;
        }
        Greedy {
            spent_nok: taken.iter().filter_map(|&i| cost(self.items[i])).sum(),
            value: taken.iter().map(|&i| value_of(self.items[i])).sum(),
            only_exact: self.exact.iter().copied().filter(|&i| !mask[i]).collect(),
            only_greedy: taken.iter().copied().filter(|&i| !self.in_exact[i]).collect(),
            chosen: taken,
        }
    }
}

/// The items with an amount, by value per krone, highest first. Zero-cost proposals have an
/// infinite ratio and come first; ties keep the rank order of `order`.
pub(super) fn by_value_per_krone(items: &[BudgetItem], order: &[usize]) -> Vec<usize> {
    let mut by_ratio: Vec<usize> = order.iter().copied().filter(|&i| cost(items[i]).is_some()).collect();
    let ratio = |i: usize| match (value_of(items[i]), cost(items[i]).unwrap_or_default()) {
        (value, 0) if value > 0.0 => f64::INFINITY,
        (_, 0) => 0.0,
        (value, item_cost) => value / item_cost as f64,
    };
    by_ratio.sort_by(|&a, &b| ratio(b).total_cmp(&ratio(a)));
    by_ratio
}
