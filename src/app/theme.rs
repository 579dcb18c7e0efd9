//! Fonts and style set once at start-up.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_colours_round_trip_through_hex() {
        let c = parse_hex("#5da9e9");
        assert_eq!(c, egui::Color32::from_rgb(0x5d, 0xa9, 0xe9));
        assert_eq!(to_hex(c), "#5da9e9");
        assert_eq!(parse_hex("blue"), egui::Color32::GRAY);
    }
}
