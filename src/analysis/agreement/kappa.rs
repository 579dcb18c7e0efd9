//! Cohen's κ (Cohen 1960, "A coefficient of agreement for nominal scales", *Educational and
//! Psychological Measurement* 20(1): 37–46) for two coders' values on the same items:
//! `κ = (p_o − p_e) / (1 − p_e)`, where `p_o` is the share of items both gave the same value
//! and `p_e = Σ_k p_1(k) p_2(k)` the share chance would give from each coder's own
//! distribution of values. With more than two coders, κ is taken for every pair and averaged
//! (Light's κ, Light 1971, *Psychological Bulletin* 76(5): 365–377).

use serde::Serialize;
use std::collections::BTreeMap;

/// Cohen's κ of two coders over some items.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Kappa {
    /// Items both coders gave a value.
    pub items: usize,
    /// `p_o`: the share of items with the same value (0 when there are none).
    pub observed: f64,
    /// `p_e`: the agreement chance would give.
    pub expected: f64,
    /// `None` when there are no items or chance alone would agree on all of them (both coders
    /// used a single, identical value), where κ is undefined.
    pub kappa: Option<f64>,
}

/// κ of the pairs of values two coders gave the same items.
pub fn cohen_kappa<T: Ord>(pairs: &[(T, T)]) -> Kappa {
    let n = pairs.len();
    if n == 0 {
        return Kappa {
            items: 0,
            observed: 0.0,
            expected: 0.0,
            kappa: None,
        };
    }
    let nf = n as f64;
    let mut first: BTreeMap<&T, usize> = BTreeMap::new();
    let mut second: BTreeMap<&T, usize> = BTreeMap::new();
    let mut same = 0usize;
    for (a, b) in pairs {
        *first.entry(a).or_default() += 1;
        *second.entry(b).or_default() += 1;
        if a == b {
            same += 1;
        }
    }
    let observed = same as f64 / nf;
    let expected: f64 = first
        .iter()
        .map(|(v, c)| *c as f64 / nf * second.get(v).map_or(0.0, |d| *d as f64 / nf))
        .sum();
    // Floating sums of shares that make 1 can land a hair off it.
    let kappa = (expected < 1.0 - 1e-12).then(|| (observed - expected) / (1.0 - expected));
    Kappa {
        items: n,
        observed,
        expected,
        kappa,
    }
}

/// The mean of the defined κs (Light's κ for more than two coders); `None` when none is.
pub fn mean_kappa(kappas: &[Kappa]) -> Option<f64> {
    let defined: Vec<f64> = kappas.iter().filter_map(|k| k.kappa).collect();
    (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairs a contingency table stands for: `table[r][c]` items coder 1 put in category
    /// r and coder 2 in c.
    fn from_table(table: &[[usize; 3]; 3]) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for (r, row) in table.iter().enumerate() {
            for (c, &count) in row.iter().enumerate() {
                pairs.extend(std::iter::repeat_n((r, c), count));
            }
        }
        pairs
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    /// Cohen (1960), p. 45, Table 1: 200 items, three categories; the proportions .44 .07 .09
    /// / .05 .20 .05 / .01 .03 .06 are these counts. Published: p_o = .70, p_e = .41,
    /// κ = .492.
    #[test]
    fn cohens_worked_example_gives_his_kappa() {
        let pairs = from_table(&[[88, 14, 18], [10, 40, 10], [2, 6, 12]]);
        let k = cohen_kappa(&pairs);
        assert_eq!(k.items, 200);
        assert!(close(k.observed, 0.70, 1e-12), "{k:?}");
        assert!(close(k.expected, 0.41, 1e-12), "{k:?}");
        assert!(close(k.kappa.expect("defined"), 0.492, 0.0005), "{k:?}");
    }

    /// Cohen (1960), p. 37: the table of 100 items where the coders agree less than chance
    /// would. Published: p_o = .29, p_e = .35 (so κ = −.06/.65 ≈ −.092).
    #[test]
    fn cohens_example_of_agreement_below_chance_is_negative() {
        let pairs = from_table(&[[25, 12, 3], [13, 2, 15], [12, 16, 2]]);
        let k = cohen_kappa(&pairs);
        assert!(close(k.observed, 0.29, 1e-12), "{k:?}");
        assert!(close(k.expected, 0.35, 1e-12), "{k:?}");
        assert!(
            close(k.kappa.expect("defined"), -0.06 / 0.65, 1e-9),
            "{k:?}"
        );
    }

    #[test]
    fn kappa_is_undefined_without_items_or_variety() {
        assert_eq!(cohen_kappa::<&str>(&[]).kappa, None);
        let k = cohen_kappa(&[("True", "True"), ("True", "True")]);
        assert_eq!(k.observed, 1.0);
        assert_eq!(
            k.kappa, None,
            "both said True every time: chance agrees fully too"
        );
        let perfect = cohen_kappa(&[("True", "True"), ("False", "False")]);
        assert_eq!(perfect.kappa, Some(1.0));
    }

    #[test]
    fn the_mean_skips_undefined_pairs() {
        let a = cohen_kappa(&[("T", "T"), ("F", "F")]);
        let b = cohen_kappa(&[("T", "F"), ("F", "T")]);
        let none = cohen_kappa::<&str>(&[]);
        assert_eq!(b.kappa, Some(-1.0));
        assert_eq!(mean_kappa(&[a, b, none]), Some(0.0));
        assert_eq!(mean_kappa(&[none]), None);
    }
}
