//! The exact choice within a frame: a 0/1 knapsack with one decision bit per item and unit.

use crate::error::{BudgetProblem, Result};

/// The DP keeps one bit per proposal and amount unit to rebuild the set; beyond this the
/// resolution must be coarser.
const MAX_DECISION_BYTES: usize = 2 << 30;

/// The 0/1 knapsack over `(item, units, value)`: returns the items of the best set within
/// `capacity` units, and the best value at every capacity up to `curve_capacity`.
///
/// Two rows of values (before and after each item) and one decision bit per item and unit;
/// the set is rebuilt by walking the bits back from `capacity`.
pub(super) fn knapsack(
    candidates: &[(usize, usize, f64)],
    capacity: usize,
    curve_capacity: usize,
) -> Result<(Vec<usize>, Vec<f64>)> {
    let width = curve_capacity + 1;
    let words = width.div_ceil(64);
    let bytes = candidates.len().saturating_mul(words).saturating_mul(8);
    if bytes > MAX_DECISION_BYTES {
        return Err(BudgetProblem::TooMuchMemory { candidates: candidates.len(), width, mib: bytes >> 20 }.into());
    }
    let mut decisions = vec![0u64; candidates.len() * words];
    let mut before = vec![0.0f64; width];
    let mut after = vec![0.0f64; width];
    for (k, &(_, units, value)) in candidates.iter().enumerate() {
        let bits = &mut decisions[k * words..(k + 1) * words];
        after[..units.min(width)].copy_from_slice(&before[..units.min(width)]);
        let mut c = units;
        // Scalar up to a word boundary, then 64 capacities at a time into one decision word
        // (the inner loop has no branches and vectorises), then the rest.
        while c < width && c % 64 != 0 {
            step(&before, &mut after, bits, c, units, value);
            c += 1;
        }
        while c + 64 <= width {
            let keep = &before[c..c + 64];
            let take_from = &before[c - units..c - units + 64];
            let out = &mut after[c..c + 64];
            let mut word = 0u64;
            for j in 0..64 {
                let (kept, taken) = (keep[j], take_from[j] + value);
                let take = taken > kept;
                out[j] = if take { taken } else { kept };
                word |= u64::from(take) << j;
            }
            bits[c / 64] = word;
            c += 64;
        }
        while c < width {
            step(&before, &mut after, bits, c, units, value);
            c += 1;
        }
        std::mem::swap(&mut before, &mut after);
    }
    let mut picked = Vec::new();
    let mut c = capacity;
    for (k, &(item, units, _)) in candidates.iter().enumerate().rev() {
        if decisions[k * words + c / 64] >> (c % 64) & 1 == 1 {
            picked.push(item);
            c -= units;
        }
    }
    picked.reverse();
    Ok((picked, before))
}

#[inline]
fn step(before: &[f64], after: &mut [f64], bits: &mut [u64], c: usize, units: usize, value: f64) {
    let (kept, taken) = (before[c], before[c - units] + value);
    if taken > kept {
        after[c] = taken;
        bits[c / 64] |= 1 << (c % 64);
    } else {
        after[c] = kept;
    }
}
