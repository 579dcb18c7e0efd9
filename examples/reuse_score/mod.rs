//! Scores for the text-reuse development sets (`reuse_dev`, `reuse_answers`): per class
//! precision, recall and F1, the confusion row, the shares' spread, and the macro F1.

use crosscheck::analysis::reuse::Class;

/// One labelled pair: the true class, the class found, and the derived text's share.
pub struct Scored {
    pub truth: Class,
    pub found: Class,
    pub share: f64,
}

/// Prints one line per class of `classes` and the macro F1 over them; returns the macro F1.
pub fn print(items: &[Scored], classes: &[Class]) -> f64 {
    let pos = |c: Class| {
        classes
            .iter()
            .position(|x| *x == c)
            .unwrap_or(classes.len() - 1)
    };
    let n = classes.len();
    let mut confusion = vec![vec![0usize; n]; n];
    for it in items {
        confusion[pos(it.truth)][pos(it.found)] += 1;
    }
    let mut f1s = Vec::new();
    for (k, c) in classes.iter().enumerate() {
        let tp = confusion[k][k] as f64;
        let fp: usize = (0..n).filter(|&r| r != k).map(|r| confusion[r][k]).sum();
        let fn_: usize = (0..n).filter(|&p| p != k).map(|p| confusion[k][p]).sum();
        let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
        let prec = ratio(tp, tp + fp as f64);
        let rec = ratio(tp, tp + fn_ as f64);
        let f1 = ratio(2.0 * prec * rec, prec + rec);
        f1s.push(f1);
        let mut s: Vec<f64> = items
            .iter()
            .filter(|x| x.truth == *c)
            .map(|x| x.share)
            .collect();
        s.sort_by(f64::total_cmp);
        let q = |f: f64| {
            s.get(((s.len() as f64 - 1.0) * f) as usize)
                .copied()
                .unwrap_or(0.0)
        };
        println!(
            "  {:<12} P {prec:.3} R {rec:.3} F1 {f1:.3}   found as {:?}   share min/q1/median/q3/max {:.2}/{:.2}/{:.2}/{:.2}/{:.2}",
            c.as_str(),
            confusion[k],
            q(0.0),
            q(0.25),
            q(0.5),
            q(0.75),
            q(1.0)
        );
    }
    let macro_f1 = f1s.iter().sum::<f64>() / n as f64;
    println!("  macro F1 {macro_f1:.3}");
    macro_f1
}
