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
