//! Krippendorff's α for unitized data (αu): how reliably coders mark *where* the units of one
//! category lie on a continuum, with uncoded stretches (gaps) counting as a coding too.
//!
//! The formulas are those of Krippendorff, *Content Analysis: An Introduction to Its
//! Methodology*, 2nd ed. (2004), pp. 251–256 (the 1995 paper in *Sociological Methodology* 25
//! first defined them; its expected disagreement had a sign slip the book corrects). For one
//! category, each coder's continuum is a sequence of segments: the units they marked and the
//! gaps between. With `m` coders and a continuum of length `L`:
//!
//! - the distance of two segments `g` (coder i) and `h` (coder j, j ≠ i) is
//!   `(b_g − b_h)² + (e_g − e_h)²` when both are units and overlap; `l_g²` when `g` is a unit
//!   lying wholly inside the gap `h` (and `l_h²` the other way round); else 0;
//! - observed disagreement `D_o = Σ_i Σ_g Σ_{j≠i} Σ_h δ²(g, h) / (m (m − 1) L²)`;
//! - expected disagreement, with `N` units in all,
//!   `D_e = (2/L) Σ_units [ (N − 1)/3 · (2l³ − 3l² + l) + l² Σ_{gaps h, l_h ≥ l} (l_h − l + 1) ]
//!   / ( mL (mL − 1) − Σ_units (l² − l) )`, the gaps taken from every coder;
//! - `αu = 1 − D_o / D_e`.
//!
//! A continuum here is made of *sections* (articles) laid end to end: a gap never runs from
//! one article into the next, so every section edge is a segment edge for every coder.

use serde::Serialize;

/// The units one category has on a continuum of sections, per coder.
#[derive(Clone, Debug, Default)]
pub struct UnitizedData {
    /// Lengths of the sections (articles), laid end to end.
    pub sections: Vec<u64>,
    /// Per coder, units as (section, start, end) with offsets inside the section, end
    /// exclusive. Overlapping units of one coder are joined into one (αu assumes a coder's
    /// units of one category never overlap).
    pub units: Vec<Vec<(usize, u64, u64)>>,
}

/// αu for one category, with the disagreements it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct AlphaU {
    /// Units marked, all coders together.
    pub units: usize,
    /// Observed disagreement `D_o`.
    pub observed: f64,
    /// Disagreement expected by chance `D_e`.
    pub expected: f64,
    /// `1 − D_o / D_e`; `None` when nothing can be expected (no units, or no room for chance).
    pub alpha: Option<f64>,
}

/// One segment of a coder's continuum: absolute begin, length, and whether it is a unit.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Segment {
    begin: f64,
    len: f64,
    unit: bool,
}

impl Segment {
    fn end(&self) -> f64 {
        self.begin + self.len
    }
}

/// αu of one category (see the module's formulas).
pub fn alpha_u(data: &UnitizedData) -> AlphaU {
    let m = data.units.len();
    let total: u64 = data.sections.iter().sum();
    let coders: Vec<Vec<Segment>> = data
        .units
        .iter()
        .map(|u| segments(&data.sections, u))
        .collect();
    let unit_lens: Vec<f64> = coders
        .iter()
        .flatten()
        .filter(|s| s.unit)
        .map(|s| s.len)
        .collect();
    let n = unit_lens.len();
    if m < 2 || total == 0 {
        return AlphaU {
            units: n,
            observed: 0.0,
            expected: 0.0,
            alpha: None,
        };
    }
    let l = total as f64;
    let mf = m as f64;

    let mut sum_delta = 0.0;
    for i in 0..m {
        for j in 0..m {
            if i != j {
                sum_delta += pair_distance(&coders[i], &coders[j]);
            }
        }
    }
    let observed = sum_delta / (mf * (mf - 1.0) * l * l);

    // Gap lengths of every coder, sorted, with suffix sums, so the gaps at least as long as a
    // unit are summed in O(log n) rather than by a pass over all gaps per unit.
    let mut gaps: Vec<f64> = coders
        .iter()
        .flatten()
        .filter(|s| !s.unit)
        .map(|s| s.len)
        .collect();
    gaps.sort_by(f64::total_cmp);
    let mut suffix = vec![0.0; gaps.len() + 1];
    for k in (0..gaps.len()).rev() {
        suffix[k] = suffix[k + 1] + gaps[k];
    }
    let nf = n as f64;
    let mut numerator = 0.0;
    let mut squares = 0.0;
    for &u in &unit_lens {
        let first = gaps.partition_point(|g| *g < u);
        let count = (gaps.len() - first) as f64;
        // Σ (l_h − l + 1) over gaps h with l_h ≥ l.
        let room = suffix[first] - (u - 1.0) * count;
        numerator += (nf - 1.0) / 3.0 * (2.0 * u * u * u - 3.0 * u * u + u) + u * u * room;
        squares += u * u - u;
    }
    numerator *= 2.0 / l;
    let denominator = mf * l * (mf * l - 1.0) - squares;
    let expected = if denominator > 0.0 {
        numerator / denominator
    } else {
        0.0
    };
    let alpha = (expected > 0.0).then(|| 1.0 - observed / expected);
    AlphaU {
        units: n,
        observed,
        expected,
        alpha,
    }
}

/// αu over several categories at once: `1 − Σ D_o / Σ D_e` (the categories' disagreements
/// summed, as Krippendorff sums them over categories for one coefficient of the whole coding).
pub fn pooled(per_category: &[AlphaU]) -> Option<f64> {
    let observed: f64 = per_category.iter().map(|a| a.observed).sum();
    let expected: f64 = per_category.iter().map(|a| a.expected).sum();
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

/// One coder's segments over all sections: units (overlapping ones joined) and the gaps
/// between them, in order. Every section edge is a segment edge.
fn segments(sections: &[u64], units: &[(usize, u64, u64)]) -> Vec<Segment> {
    let mut by_section: Vec<Vec<(u64, u64)>> = vec![Vec::new(); sections.len()];
    for &(s, a, b) in units {
        if let Some(list) = by_section.get_mut(s) {
            let b = b.min(sections[s]);
            if a < b {
                list.push((a, b));
            }
        }
    }
    let mut out = Vec::new();
    let mut offset = 0u64;
    for (s, list) in by_section.iter_mut().enumerate() {
        list.sort_unstable();
        let mut joined: Vec<(u64, u64)> = Vec::with_capacity(list.len());
        for &(a, b) in list.iter() {
            match joined.last_mut() {
                // Overlapping units join; units that only touch stay two units.
                Some(last) if a < last.1 => last.1 = last.1.max(b),
                _ => joined.push((a, b)),
            }
        }
        let mut at = 0u64;
        for (a, b) in joined {
            if a > at {
                out.push(seg(offset + at, a - at, false));
            }
            out.push(seg(offset + a, b - a, true));
            at = b;
        }
        if sections[s] > at {
            out.push(seg(offset + at, sections[s] - at, false));
        }
        offset += sections[s];
    }
    out
}

fn seg(begin: u64, len: u64, unit: bool) -> Segment {
    Segment {
        begin: begin as f64,
        len: len as f64,
        unit,
    }
}

/// Σ_g Σ_h δ²(g, h) for coder `a`'s segments `g` against coder `b`'s `h`. Both lists cover the
/// continuum in order, so only segments that overlap can differ, and one sweep meets them all.
fn pair_distance(a: &[Segment], b: &[Segment]) -> f64 {
    let (mut i, mut k) = (0, 0);
    let mut sum = 0.0;
    while i < a.len() && k < b.len() {
        let (g, h) = (a[i], b[k]);
        sum += delta2(g, h);
        if g.end() <= h.end() {
            i += 1;
        } else {
            k += 1;
        }
    }
    sum
}

/// The squared distance of two segments of different coders.
fn delta2(g: Segment, h: Segment) -> f64 {
    let overlap = g.begin < h.end() && h.begin < g.end();
    match (g.unit, h.unit) {
        (true, true) if overlap => (g.begin - h.begin).powi(2) + (g.end() - h.end()).powi(2),
        (true, false) if h.begin <= g.begin && g.end() <= h.end() => g.len * g.len,
        (false, true) if g.begin <= h.begin && h.end() <= g.end() => h.len * h.len,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    /// Krippendorff (2004), *Content Analysis*, 2nd ed., p. 254: two observers, i and j, on a
    /// continuum from 150 to 450 (L = 300), categories c and k. The figures below are the
    /// published ones, as the DKPro Agreement library's test of that example gives them
    /// (`unitizing/Krippendorff2004Test`): units (begin, length) of c: i 225+70, 370+30;
    /// j 220+80, 355+20, 400+20. Of k: both 180+60 and 300+50. Results: c — D_o = 0.0144,
    /// D_e = 0.0532, α = 0.7286; k — D_o = 0, D_e = 0.0490, α = 1; both — α = 0.8591.
    fn krippendorff_2004() -> (UnitizedData, UnitizedData) {
        // The continuum starts at 150: offsets below are from there.
        let at = |b: u64, l: u64| (0usize, b - 150, b - 150 + l);
        let c = UnitizedData {
            sections: vec![300],
            units: vec![
                vec![at(225, 70), at(370, 30)],
                vec![at(220, 80), at(355, 20), at(400, 20)],
            ],
        };
        let k = UnitizedData {
            sections: vec![300],
            units: vec![
                vec![at(180, 60), at(300, 50)],
                vec![at(180, 60), at(300, 50)],
            ],
        };
        (c, k)
    }

    #[test]
    fn the_published_example_of_krippendorff_2004_comes_out_as_published() {
        let (c, k) = krippendorff_2004();
        let ac = alpha_u(&c);
        assert!(close(ac.observed, 0.0144, 0.0001), "{ac:?}");
        assert!(close(ac.expected, 0.0532, 0.0001), "{ac:?}");
        assert!(close(ac.alpha.expect("defined"), 0.7286, 0.0001), "{ac:?}");
        let ak = alpha_u(&k);
        assert_eq!(ak.observed, 0.0);
        assert!(close(ak.expected, 0.0490, 0.0001), "{ak:?}");
        assert_eq!(ak.alpha, Some(1.0));
        let both = pooled(&[ac, ak]).expect("defined");
        assert!(close(both, 0.8591, 0.0005), "{both}");
    }

    #[test]
    fn the_distances_of_the_2004_example_are_the_books() {
        // The three pairs that disagree in category c (the book's worked distances).
        let u = |b: f64, l: f64| Segment {
            begin: b,
            len: l,
            unit: true,
        };
        let gap = |b: f64, l: f64| Segment {
            begin: b,
            len: l,
            unit: false,
        };
        assert_eq!(delta2(u(225.0, 70.0), u(220.0, 80.0)), 50.0);
        assert_eq!(delta2(u(370.0, 30.0), u(355.0, 20.0)), 850.0);
        assert_eq!(delta2(gap(400.0, 50.0), u(400.0, 20.0)), 400.0);
        // Units that only touch do not overlap; a unit running out of a gap is not inside it.
        assert_eq!(delta2(u(370.0, 30.0), u(400.0, 20.0)), 0.0);
        assert_eq!(delta2(u(355.0, 20.0), gap(295.0, 75.0)), 0.0);
    }

    /// Krippendorff (1995), "On the reliability of unitizing continuous data", *Sociological
    /// Methodology* 25, p. 57: four pairs of coders on 24 positions (A–D). The observed
    /// disagreements published for them (as DKPro Agreement's `Krippendorff1995Test` gives them):
    /// A 0.03125, B 2.26736, C 0.02777, D 0.38715. (The paper's expected disagreements used the
    /// sign the 2004 book corrects, so only D_o is compared here.)
    #[test]
    fn the_observed_disagreements_of_krippendorff_1995_come_out_as_published() {
        let study = |a: &[(u64, u64)], b: &[(u64, u64)]| UnitizedData {
            sections: vec![24],
            units: vec![
                a.iter().map(|&(s, l)| (0, s, s + l)).collect(),
                b.iter().map(|&(s, l)| (0, s, s + l)).collect(),
            ],
        };
        let cases = [
            (study(&[(2, 8), (14, 6)], &[(4, 4), (15, 2)]), 0.03125),
            (
                study(
                    &[(0, 18)],
                    &[(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)],
                ),
                2.26736,
            ),
            (
                study(
                    &[(2, 6), (10, 2), (14, 4), (20, 2)],
                    &[(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)],
                ),
                0.02777,
            ),
            (
                study(
                    &[(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)],
                    &[(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)],
                ),
                0.38715,
            ),
        ];
        for (i, (data, published)) in cases.iter().enumerate() {
            let a = alpha_u(data);
            assert!(
                close(a.observed, *published, 0.00001),
                "example {}: {a:?}",
                ["A", "B", "C", "D"][i]
            );
        }
    }

    #[test]
    fn identical_coding_agrees_fully_and_a_unit_only_one_coder_saw_costs_its_square() {
        let data = UnitizedData {
            sections: vec![100],
            units: vec![vec![(0, 10, 20)], vec![(0, 10, 20), (0, 50, 60)]],
        };
        let a = alpha_u(&data);
        // One unit of 10 inside the other coder's gap, counted from both sides:
        // 2 · 10² / (2 · 1 · 100²) = 0.01.
        assert!(close(a.observed, 0.01, 1e-12), "{a:?}");
        assert!(a.alpha.expect("defined") < 1.0);
        let same = UnitizedData {
            sections: vec![100],
            units: vec![vec![(0, 10, 20)], vec![(0, 10, 20)]],
        };
        assert_eq!(alpha_u(&same).alpha, Some(1.0));
        let none = UnitizedData {
            sections: vec![100],
            units: vec![vec![], vec![]],
        };
        assert_eq!(alpha_u(&none).alpha, None, "no units: nothing to agree on");
    }

    #[test]
    fn gaps_stop_at_section_edges() {
        // Coder 2's unit at the start of section 1 lies in coder 1's gap of that section,
        // not in one long gap running on from section 0.
        let data = UnitizedData {
            sections: vec![10, 10],
            units: vec![vec![(0, 0, 5)], vec![(0, 0, 5), (1, 0, 5)]],
        };
        let segs = segments(&data.sections, &data.units[0]);
        assert_eq!(segs.len(), 3, "{segs:?}");
        assert_eq!((segs[2].begin, segs[2].len), (10.0, 10.0));
        let a = alpha_u(&data);
        assert!(
            close(a.observed, 2.0 * 25.0 / (2.0 * 400.0), 1e-12),
            "{a:?}"
        );
    }

    #[test]
    fn overlapping_units_of_one_coder_join_and_touching_ones_stay_apart() {
        let segs = segments(&[20], &[(0, 2, 8), (0, 5, 10), (0, 10, 12)]);
        let units: Vec<_> = segs
            .iter()
            .filter(|s| s.unit)
            .map(|s| (s.begin, s.len))
            .collect();
        assert_eq!(units, vec![(2.0, 8.0), (10.0, 2.0)]);
    }
}
