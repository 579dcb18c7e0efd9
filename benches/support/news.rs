//! A generated folder of news from many stories, for the story, suggestion and Figures view
//! benchmarks: each story has its own place, person and company names and a few days of
//! articles; stories are spread over a year; figures of the story's own count, of other
//! incidents, of money and of percentages are mixed into plain sentences. Deterministic.
#![allow(dead_code)] // each bench uses a part

use crosscheck::model::Article;

/// A small deterministic generator (xorshift), so runs compare.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SYLLABLES: &[&str] = &[
    "var", "den", "kel", "mor", "ast", "bri", "lon", "sel", "tav", "quin", "dor", "ha", "lu", "pe",
    "ri", "so", "tan", "vel", "wyn", "zo",
];

/// A made-up proper name, distinct for each `n`.
pub fn name(n: u64) -> String {
    let mut s = String::new();
    let mut k = n + 7;
    for _ in 0..3 {
        s.push_str(SYLLABLES[(k % SYLLABLES.len() as u64) as usize]);
        k /= SYLLABLES.len() as u64;
    }
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

const PLAIN: &[&str] = &[
    "Investigators are still working to establish what happened.",
    "The agency said more details would be released later in the day.",
    "Residents described scenes of confusion as emergency services arrived.",
    "Officials declined to comment on reports that warnings had been ignored.",
    "Analysts said the figures could change as more information emerged.",
    "The government promised a full inquiry into the circumstances.",
];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// `count` articles in stories of about `per_story` articles each.
pub fn articles(count: usize, per_story: usize) -> Vec<Article> {
    let mut r = Rng(0x5eed);
    let stories = count.div_ceil(per_story);
    (0..count)
        .map(|i| {
            let story = (i % stories) as u64;
            let place = name(story * 5);
            let person = format!("{} {}", name(story * 5 + 1), name(story * 5 + 2));
            let company = name(story * 5 + 3);
            let elsewhere = name(story * 5 + 4);
            let day = (story * 365 / stories as u64) + r.below(3);
            let (month, dom) = (day / 31 % 12 + 1, day % 28 + 1);
            let weekday = WEEKDAYS[(story % 5) as usize];
            let toll = 10 + story % 50 + r.below(6);
            let title = format!("Blast in {place} kills {toll}");
            let mut text = format!("{title}\n2025-{month:02}-{dom:02}\n\n");
            let sentences = 10 + r.below(8);
            for k in 0..sentences {
                let s = match (k, r.below(9)) {
                    (0, _) => format!(
                        "At least {toll} people were killed in {place} on {weekday}, {person} said."
                    ),
                    (_, 0) => format!(
                        "In the nearby village of {elsewhere}, {} people died.",
                        r.below(9) + 1
                    ),
                    (_, 1) => format!(
                        "Across the region, {} people have been killed this year.",
                        toll * 4 + r.below(40)
                    ),
                    (_, 2) => format!(
                        "{company} said repairs would cost ${}.{} million.",
                        r.below(90) + 1,
                        r.below(10)
                    ),
                    (_, 3) => format!(
                        "Shares of {company} fell {}.{}% on {weekday}.",
                        r.below(9) + 1,
                        r.below(10)
                    ),
                    (_, 4) => format!(
                        "{person} said {} people were injured in {place}.",
                        toll * 2 + r.below(10)
                    ),
                    (_, 5) => format!("Police in {place} detained {} suspects.", r.below(12) + 1),
                    _ => PLAIN[r.below(PLAIN.len() as u64) as usize].to_owned(),
                };
                text.push_str(&s);
                text.push(if k % 3 == 2 { '\n' } else { ' ' });
                if k % 3 == 2 {
                    text.push('\n');
                }
            }
            let mut a = Article::in_memory(i as i64 + 1, format!("{i:04}.txt"), title, text);
            a.published = Some(format!("2025-{month:02}-{dom:02}"));
            a
        })
        .collect()
}

/// The process's resident memory in MB (Linux), for the benchmark reports.
pub fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The process's peak resident memory in MB (Linux), for the benchmark reports.
pub fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU time the process has used so far (all threads, user and system), in ms (Linux; clock
/// ticks of 10 ms). Unlike wall time, it does not grow when other programs share the cores.
#[allow(dead_code)] // not every benchmark reports it
pub fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0)
}

/// The machine's load average over the last minute (Linux), to read wall times by.
#[allow(dead_code)]
pub fn load() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Time the calling thread has spent on a core so far, in ms (Linux, nanosecond precision):
/// what a frame cost, without the time other programs held the core.
#[allow(dead_code)]
pub fn thread_cpu_ms() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e6)
}
