//! Word lists the scanner consults: number words, measure keywords, units, currencies,
//! months and the labels that make a number an identifier. All lookups are on lowercase ASCII.

use super::figure::Measure;

/// Value of a cardinal number word below one hundred, or `None`.
pub(crate) fn small_number(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "naught" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Multiplier of a scale word (`hundred`, `million`, `bn`).
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "millions" => 1e6,
        "billion" | "billions" => 1e9,
        "trillion" => 1e12,
        // South Asian scales: a lakh is 100 000, a crore 10 000 000.
        "lakh" | "lakhs" | "lac" | "lacs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Multiplier of a suffix attached to digits (`15.8m`, `3bn`, `5k`).
pub(crate) fn attached_scale(w: &str) -> Option<f64> {
    Some(match w {
        "k" | "thousand" => 1e3,
        // `2mil`, `1MM` (the finance desk's thousand thousand).
        "m" | "mn" | "mln" | "mil" | "million" => 1e6,
        "b" | "bn" | "bln" | "billion" => 1e9,
        "tn" | "trillion" => 1e12,
        _ => return None,
    })
}

/// Units of measure that may be attached to digits (`10km`) or follow them, normalised.
pub(crate) fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "m" | "metre" | "metres" | "meter" | "meters" => "m",
        "dm" | "decimetre" | "decimetres" | "decimeter" | "decimeters" => "dm",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "mile" | "miles" => "miles",
        "inch" | "inches" => "inches",
        "yard" | "yards" | "yd" | "yds" => "yards",
        "ft" | "foot" | "feet" => "feet",
        "kg" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilos" => "kg",
        "g" | "grams" | "gram" | "gramme" | "grammes" => "g",
        "mg" | "milligram" | "milligrams" | "milligramme" | "milligrammes" => "mg",
        "mcg" | "\u{b5}g" | "\u{3bc}g" | "microgram" | "micrograms" | "microgramme"
        | "microgrammes" => "\u{b5}g",
        "oz" | "ounce" | "ounces" => "oz",
        "tonne" | "tonnes" | "ton" | "tons" => "tonnes",
        // `pound` is a weight only where `pound_is_money` says the sentence is not about money.
        "lb" | "lbs" | "pound" | "pounds" => "lb",
        "mph" => "mph",
        "kmh" | "kph" | "kmph" => "km/h",
        "ha" | "hectare" | "hectares" => "hectares",
        "acre" | "acres" => "acres",
        "litre" | "litres" | "liter" | "liters" => "litres",
        "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => "ml",
        "gallon" | "gallons" => "gallons",
        "teaspoon" | "teaspoons" | "tsp" => "teaspoons",
        "tablespoon" | "tablespoons" | "tbsp" => "tablespoons",
        "bit" | "bits" => "bits",
        "byte" | "bytes" => "bytes",
        // `TB` and `PB` only spelled out or attached (`5TB`): apart they are tuberculosis and lead.
        "kb" | "kilobyte" | "kilobytes" => "KB",
        "mb" | "megabyte" | "megabytes" => "MB",
        "gb" | "gigabyte" | "gigabytes" => "GB",
        "terabyte" | "terabytes" => "TB",
        "petabyte" | "petabytes" => "PB",
        "barrel" | "barrels" => "barrels",
        "kw" | "kilowatt" | "kilowatts" => "kW",
        "mw" | "megawatt" | "megawatts" => "MW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "knot" | "knots" => "knots",
        "second" | "seconds" => "seconds",
        "minute" | "minutes" => "minutes",
        "hour" | "hours" => "hours",
        "day" | "days" => "days",
        "week" | "weeks" => "weeks",
        "month" | "months" => "months",
        "year" | "years" => "years",
        "decade" | "decades" => "decades",
        "degree" | "degrees" => "degrees",
        "century" | "centuries" => "centuries",
        _ => return None,
    })
}

/// Currency code of a symbol written before a number.
pub(crate) fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₽" => "RUB",
        "₹" => "INR",
        "₴" => "UAH",
        "₩" => "KRW",
        "₦" => "NGN",
        "₺" => "TRY",
        "₪" => "ILS",
        "₱" => "PHP",
        "₫" => "VND",
        "₿" => "BTC",
        _ => return None,
    })
}

/// Currency code of a word written before (`USD 5`) or after (`5 euros`) a number.
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" | "dollar" | "dollars" => "USD",
        "gbp" | "pound" | "pounds" | "sterling" => "GBP",
        "eur" | "euro" | "euros" => "EUR",
        "rub" | "ruble" | "rubles" | "rouble" | "roubles" => "RUB",
        "jpy" | "yen" => "JPY",
        "cny" | "yuan" | "renminbi" => "CNY",
        "inr" | "rupee" | "rupees" => "INR",
        "chf" | "franc" | "francs" => "CHF",
        "uah" | "hryvnia" | "hryvnias" => "UAH",
        "rs" | "re" => "INR",
        "bucks" => "USD",
        "quid" => "GBP",
        "naira" => "NGN",
        "shekel" | "shekels" => "ILS",
        "lira" | "liras" => "TRY",
        "baht" => "THB",
        "ringgit" => "MYR",
        "rand" => "ZAR",
        "peso" | "pesos" => "MXN",
        "dirham" | "dirhams" => "AED",
        "riyal" | "riyals" => "SAR",
        "zloty" | "zlotys" => "PLN",
        "krona" | "kronor" => "SEK",
        "krone" | "kroner" => "NOK",
        "rupiah" => "IDR",
        "cad" => "CAD",
        "aud" => "AUD",
        "sek" => "SEK",
        "rmb" => "CNY",
        "markka" | "markkaa" => "FIM",
        "guilder" | "guilders" => "NLG",
        "peseta" | "pesetas" => "ESP",
        "bitcoin" | "bitcoins" | "btc" | "xbt" => "BTC",
        _ => return None,
    })
}

/// The currency a nationality names before a currency word (`Australian dollars`, `Swiss
/// francs`, `Hong Kong dollars`), read at token `k`: the code and how many tokens it spans,
/// the currency word included.
pub(crate) fn national_currency(
    cx: &crate::analysis::text::Cx,
    k: usize,
) -> Option<(&'static str, usize)> {
    let w = cx.low(k)?;
    let (code, n) = match w.as_str() {
        "us" | "american" => ("USD", 1),
        "australian" => ("AUD", 1),
        "canadian" => ("CAD", 1),
        "singapore" => ("SGD", 1),
        "taiwan" | "taiwanese" => ("TWD", 1),
        "chinese" => ("CNY", 1),
        "japanese" => ("JPY", 1),
        "turkish" => ("TRY", 1),
        "swiss" => ("CHF", 1),
        "french" => ("FRF", 1),
        "belgian" => ("BEF", 1),
        "finnish" => ("FIM", 1),
        "dutch" => ("NLG", 1),
        "mexican" => ("MXN", 1),
        "indian" => ("INR", 1),
        "pakistani" => ("PKR", 1),
        "brazilian" => ("BRL", 1),
        "russian" => ("RUB", 1),
        "egyptian" => ("EGP", 1),
        "british" => ("GBP", 1),
        "hong" if cx.is_word(k + 1, "kong") => ("HKD", 2),
        "new" if cx.is_word(k + 1, "zealand") => ("NZD", 2),
        "south" if cx.is_word(k + 1, "african") => ("ZAR", 2),
        "sri" if cx.is_word(k + 1, "lankan") => ("LKR", 2),
        _ => return None,
    };
    // The currency word after it must be a currency (`US troops` is not money).
    let c = cx.low(k + n)?;
    currency_word(c.as_str())?;
    Some((code, n + 1))
}

/// The event measure a keyword points to, if any.
pub(crate) fn measure_keyword(w: &str) -> Option<Measure> {
    Some(match w {
        "killed" | "kill" | "kills" | "killing" | "dead" | "died" | "die" | "dies" | "dying"
        | "death" | "deaths" | "fatalities" | "fatality" | "fatally" | "perished" | "perish"
        | "slain" | "murdered" | "massacred" | "lives" | "toll" | "bodies" | "corpses"
        | "executed" | "drowned" | "drown" | "drowns" | "deceased" => Measure::Killed,
        "injured" | "injuring" | "injures" | "injure" | "injury" | "injuries" | "wounded"
        | "wounding" | "wounds" | "hurt" | "hospitalised" | "hospitalized" | "hospital"
        | "maimed" | "treated" => Measure::Injured,
        "casualties" | "casualty" => Measure::Casualties,
        "arrested" | "arrest" | "arrests" | "arresting" | "detained" | "detaining" | "detain"
        | "detention" | "detainees" | "apprehended" | "custody" | "captured" | "suspects"
        | "jailed" | "imprisoned" | "nab" | "nabbed" | "nabs" => Measure::Arrested,
        "missing" | "unaccounted" | "disappeared" => Measure::Missing,
        "displaced" | "displacing" | "displacement" | "evacuated" | "evacuees" | "homeless"
        | "fled" | "flee" | "flees" | "fleeing" | "evacuate" | "evacuation" | "refugees"
        | "uprooted" | "relocated" => Measure::Displaced,
        "rescued" | "rescuing" | "rescues" | "saved" | "saves" | "airlifted" | "survivors" => {
            Measure::Rescued
        }
        "affected" | "affecting" | "impacted" => Measure::Affected,
        _ => return None,
    })
}

/// Nouns of events and things that happen: `a 6.4 quake`, `two blasts`. A count of them is
/// never a count of people, whatever verb follows.
pub(crate) fn is_event_noun(w: &str) -> bool {
    matches!(
        w.strip_suffix("es")
            .filter(|s| s.ends_with("sh") || s.ends_with('s'))
            .or_else(|| w.strip_suffix('s'))
            .unwrap_or(w),
        "quake"
            | "earthquake"
            | "tremor"
            | "aftershock"
            | "storm"
            | "hurricane"
            | "typhoon"
            | "cyclone"
            | "tornado"
            | "tornadoe"
            | "blast"
            | "bomb"
            | "bombing"
            | "attack"
            | "strike"
            | "airstrike"
            | "raid"
            | "crash"
            | "collision"
            | "fire"
            | "blaze"
            | "wildfire"
            | "flood"
            | "landslide"
            | "mudslide"
            | "avalanche"
            | "eruption"
            | "shooting"
            | "stabbing"
            | "accident"
            | "explosion"
            | "magnitude"
            | "derailment"
            | "outbreak"
            | "wave"
            | "heatwave"
            | "drought"
            | "epidemic"
            | "incident"
            | "clash"
            | "riot"
            | "protest"
            | "operation"
            | "offensive"
            | "war"
            | "battle"
            | "siege"
            | "shelling"
            | "volley"
            | "salvo"
            | "election"
            | "poll"
            | "census"
            | "olympic"
            | "game"
            | "championship"
            | "tournament"
            | "summit"
            | "disaster"
            | "tsunami"
            | "famine"
            | "pandemic"
    )
}

/// Nouns that are not people: an event keyword nearby does not make them a death toll.
pub(crate) fn is_non_person_noun(w: &str) -> bool {
    unit_word(w).is_some()
        || currency_word(w).is_some()
        || is_event_noun(w)
        || names_an_act(w)
        || matches!(
            w,
            "times"
                | "buildings"
                | "building"
                | "houses"
                | "homes"
                | "vehicles"
                | "cars"
                | "trucks"
                | "planes"
                | "airliners"
                | "aircraft"
                | "helicopters"
                | "drones"
                | "missiles"
                | "rockets"
                | "shells"
                | "bombs"
                | "files"
                | "documents"
                | "rounds"
                | "shots"
                | "bullets"
                | "countries"
                | "states"
                | "provinces"
                | "counties"
                | "districts"
                | "nations"
                | "cities"
                | "towns"
                | "villages"
                | "regions"
                | "hospitals"
                | "schools"
                | "flights"
                | "votes"
                | "seats"
                | "points"
                | "goals"
                | "pages"
                | "words"
                | "attacks"
                | "incidents"
                | "cases"
                | "tanks"
                | "weapons"
                | "guns"
                | "rifles"
                | "floors"
                | "storeys"
                | "stories"
                | "entrances"
                | "exits"
                | "doors"
                | "fires"
                | "explosions"
                | "blasts"
                | "sites"
                | "locations"
                | "areas"
                | "streets"
                | "bridges"
                | "ships"
                | "boats"
                | "vessels"
                | "trains"
                | "buses"
                | "hectares"
                | "tickets"
                | "companies"
                | "firms"
                | "banks"
                | "projects"
                | "bills"
                | "laws"
                | "articles"
                | "videos"
                | "photos"
                | "images"
                | "messages"
                | "emails"
                | "calls"
                | "steps"
                | "stages"
                | "rows"
                | "teams"
                | "games"
                | "matches"
                | "doses"
                | "tests"
                | "beds"
                | "wards"
                | "ambulances"
                | "objects"
                | "items"
                | "animals"
                | "cattle"
                | "sheep"
                | "dogs"
                | "horses"
                | "trees"
                | "acres"
        )
}

/// Nouns and verbs that take an amount of money and never a weight.
pub(crate) fn is_money_word(w: &str) -> bool {
    matches!(
        w,
        "reward"
            | "fine"
            | "fined"
            | "bail"
            | "compensation"
            | "damages"
            | "salary"
            | "wage"
            | "wages"
            | "fee"
            | "fees"
            | "price"
            | "cost"
            | "costs"
            | "paid"
            | "pay"
            | "pays"
            | "owed"
            | "donated"
            | "raised"
            | "spent"
            | "earned"
            | "worth"
            | "budget"
            | "grant"
            | "loan"
            | "profit"
            | "revenue"
            | "tax"
    )
}

/// A noun made from a verb or an adjective by `-tion`, `-sion`, `-ment` or `-ness` names an act,
/// a result or a state (`questions`, `conclusions`, `settlements`, `illnesses`), never someone
/// who can be killed or hurt: `considering 14 questions … concluded the deaths` counts no dead.
fn names_an_act(w: &str) -> bool {
    let stem = w
        .strip_suffix("es")
        .filter(|s| s.ends_with("ness"))
        .unwrap_or(w);
    let stem = stem.strip_suffix('s').unwrap_or(stem);
    stem.len() > 6
        && ["tion", "sion", "ment", "ness"]
            .iter()
            .any(|suffix| stem.ends_with(suffix))
}

/// A span of the calendar a time expression can name: `last year`, `this week`.
pub(crate) fn is_period_word(w: &str) -> bool {
    matches!(
        w,
        "year" | "week" | "month" | "day" | "decade" | "century" | "season" | "quarter" | "weekend"
    )
}
