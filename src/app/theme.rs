//! Fonts and style set once at start-up.

use crate::model::LinkKind;
use eframe::egui;

/// Applies Crosscheck's style. egui's bundled fonts cover Latin, Greek and Cyrillic, so no
/// extra font is needed for those scripts; Ctrl +/- zooms the article text (not the whole
/// interface), so egui's own keyboard zoom is turned off.
pub fn setup(ctx: &egui::Context) {
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
    });
}

/// Article text colour: a little stronger than egui's default body text, for long reading.
pub fn reading_text_color(visuals: &egui::Visuals) -> egui::Color32 {
    if visuals.dark_mode {
        egui::Color32::from_gray(225)
    } else {
        egui::Color32::from_gray(20)
    }
}

/// The colour of a good state in the status bar (a shared project's server is connected).
pub fn ok_color(visuals: &egui::Visuals) -> egui::Color32 {
    if visuals.dark_mode {
        egui::Color32::from_rgb(0x7f, 0xd1, 0x8b)
    } else {
        egui::Color32::from_rgb(0x1e, 0x7b, 0x34)
    }
}

/// Parses `#rrggbb` (a category colour); grey when malformed.
pub fn parse_hex(hex: &str) -> egui::Color32 {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok());
    match (h.len(), byte(0), byte(2), byte(4)) {
        (6, Some(r), Some(g), Some(b)) => egui::Color32::from_rgb(r, g, b),
        _ => egui::Color32::GRAY,
    }
}

/// Formats a colour as `#rrggbb`.
pub fn to_hex(c: egui::Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
}

/// The background of a highlight in a category's colour, readable in both themes.
pub fn highlight_fill(color: egui::Color32, dark: bool) -> egui::Color32 {
    let alpha = if dark { 70 } else { 95 };
    egui::Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha)
}

/// The category colours the codebook offers: distinct from each other in hue and lightness,
/// light enough for dark text on a highlight, and far from the colours that mean something
/// else in a column (see [`reserved_clash`]).
pub const PALETTE: [(&str, &str); 10] = [
    ("Amber", "#f2c14e"),
    ("Sky", "#5da9e9"),
    ("Leaf", "#9bc53d"),
    ("Violet", "#c879ff"),
    ("Coral", "#ff8c61"),
    ("Teal", "#2ec4b6"),
    ("Pink", "#f283c8"),
    ("Sand", "#c8a27a"),
    ("Slate", "#8da0b8"),
    ("Mint", "#98e0a0"),
];

/// How different two colours look: the "redmean" approximation of perceived distance
/// (0 = same, about 765 = black against white).
pub fn colour_distance(a: egui::Color32, b: egui::Color32) -> f32 {
    let rm = (f32::from(a.r()) + f32::from(b.r())) / 2.0;
    let dr = f32::from(a.r()) - f32::from(b.r());
    let dg = f32::from(a.g()) - f32::from(b.g());
    let db = f32::from(a.b()) - f32::from(b.b());
    ((2.0 + rm / 256.0) * dr * dr + 4.0 * dg * dg + (2.0 + (255.0 - rm) / 256.0) * db * db).sqrt()
}

/// The colour of a link kind.
pub fn kind_color(kind: LinkKind) -> egui::Color32 {
    match kind {
        LinkKind::Contradicts => egui::Color32::from_rgb(0xe5, 0x48, 0x4d),
        LinkKind::Supports => egui::Color32::from_rgb(0x30, 0xa4, 0x6c),
        LinkKind::SameClaim => egui::Color32::from_rgb(0x3e, 0x8c, 0xdd),
        LinkKind::Updates => egui::Color32::from_rgb(0xf5, 0xa5, 0x24),
    }
}

/// Closer than this, two colours are taken for each other at a glance.
const TOO_CLOSE: f32 = 100.0;

/// What a category colour would be mistaken for, if anything: the red of a "contradicts"
/// connector, or the black and white outlines of the selected claim.
pub fn reserved_clash(color: egui::Color32) -> Option<&'static str> {
    let contradicts = kind_color(LinkKind::Contradicts);
    let reserved = [
        (contradicts, "the red of a “contradicts” connector"),
        (egui::Color32::BLACK, "the outline of the selected claim"),
        (
            egui::Color32::WHITE,
            "the outline of the selected claim (dark theme)",
        ),
    ];
    reserved
        .into_iter()
        .find(|(r, _)| colour_distance(color, *r) < TOO_CLOSE)
        .map(|(_, what)| what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_is_distinct_and_clear_of_reserved_colours() {
        for (i, (name, hex)) in PALETTE.iter().enumerate() {
            let c = parse_hex(hex);
            assert_eq!(reserved_clash(c), None, "{name} looks reserved");
            for (other, hex2) in &PALETTE[i + 1..] {
                let d = colour_distance(c, parse_hex(hex2));
                assert!(d >= TOO_CLOSE, "{name} and {other} look alike ({d})");
            }
        }
    }

    #[test]
    fn colours_like_the_contradicts_red_or_the_outline_are_refused() {
        assert!(reserved_clash(egui::Color32::from_rgb(0xe0, 0x40, 0x50)).is_some());
        assert!(reserved_clash(egui::Color32::from_rgb(0x10, 0x10, 0x18)).is_some());
        assert!(reserved_clash(egui::Color32::from_rgb(0xfa, 0xfa, 0xfa)).is_some());
        assert_eq!(reserved_clash(parse_hex("#5da9e9")), None);
    }

    #[test]
    fn category_colours_round_trip_through_hex() {
        let c = parse_hex("#5da9e9");
        assert_eq!(c, egui::Color32::from_rgb(0x5d, 0xa9, 0xe9));
        assert_eq!(to_hex(c), "#5da9e9");
        assert_eq!(parse_hex("blue"), egui::Color32::GRAY);
    }
}
