//! Links drawn over the reading columns: a curved connector between two linked claims in
//! neighbouring columns, coloured by kind and following the text as the columns scroll; a
//! marker at the column edge for a partner that is not on screen (click it to bring the
//! partner into view); a click on a connector selects its link.

use super::columns::Column;
use super::command::Command;
use super::connectors::{OnScreen, connector};
use super::theme::kind_color;
use crate::model::{ClaimId, Link, LinkId, LinkKind, Project};
use eframe::egui::{self, Color32, Pos2, Rect, Stroke};

/// Where a linked claim is shown: its column and its place on screen.
struct Placed {
    column: usize,
    at: OnScreen,
}

fn place(project: &Project, columns: &[Column], claim: ClaimId) -> Option<Placed> {
    // An orphaned claim's offsets refer to an earlier version, not the text on screen.
    let c = project.claim(claim).filter(|c| !project.is_orphaned(c))?;
    columns
        .iter()
        .enumerate()
        .find(|(_, col)| col.article == c.article_id)
        .and_then(|(i, col)| {
            col.reader
                .range_on_screen(c.start, c.end)
                .map(|at| Placed { column: i, at })
        })
}

/// Draws every link's connectors and markers over the columns and handles clicks on them.
pub fn link_overlay(
    ui: &mut egui::Ui,
    project: &Project,
    columns: &[Column],
    selected_link: Option<LinkId>,
    commands: &mut Vec<Command>,
) {
    if project.links().len() == 0 || columns.is_empty() {
        return;
    }
    let clips: Vec<Option<Rect>> = columns.iter().map(|c| c.reader.clip_rect()).collect();
    let painter = ui.painter().clone();
    let pointer = ui.input(|i| i.pointer.interact_pos());
    let clicked = ui.input(|i| i.pointer.primary_clicked());
    let mut hit: Option<(f32, LinkId)> = None;
    let mut marker_clicked: Option<ClaimId> = None;

    for link in project.links() {
        let color = kind_color(link.kind);
        let width = if selected_link == Some(link.id) {
            3.5
        } else {
            2.0
        };
        let placed: Vec<(ClaimId, Option<Placed>)> = link
            .members
            .iter()
            .map(|&m| (m, place(project, columns, m)))
            .collect();
        for (i, (_, a)) in placed.iter().enumerate() {
            let Some(Placed {
                column: ca,
                at: OnScreen::Visible(ra),
            }) = a
            else {
                continue;
            };
            for (j, (b_id, b)) in placed.iter().enumerate() {
                if i == j {
                    continue;
                }
                match b {
                    Some(Placed {
                        column: cb,
                        at: OnScreen::Visible(rb),
                    }) if ca.abs_diff(*cb) == 1 => {
                        if i > j {
                            continue; // drawn once, from the first member
                        }
                        let (left, lr, right, rr) = if ca < cb {
                            (*ca, *ra, *cb, *rb)
                        } else {
                            (*cb, *rb, *ca, *ra)
                        };
                        let (Some(lc), Some(rc)) = (clips[left], clips[right]) else {
                            continue;
                        };
                        let c = connector(lr, rr, lc.max.x, rc.min.x);
                        // Faint over the text (so it stays readable), strong across the gap.
                        let faint = Stroke::new(1.0, color.gamma_multiply(0.5));
                        painter.line_segment([c.start, c.gap_start], faint);
                        painter.line_segment([c.gap_end, c.end], faint);
                        let curve = egui::epaint::CubicBezierShape::from_points_stroke(
                            c.curve,
                            false,
                            Color32::TRANSPARENT,
                            Stroke::new(width, color),
                        );
                        painter.add(curve);
                        painter.circle_filled(c.start, 3.0, color);
                        painter.circle_filled(c.end, 3.0, color);
                        if let Some(p) = pointer {
                            let d = c.distance(p);
                            if d < 6.0 && hit.is_none_or(|(best, _)| d < best) {
                                hit = Some((d, link.id));
                            }
                        }
                    }
                    // Both in view in the same column: the highlights show it.
                    Some(Placed {
                        column: cb,
                        at: OnScreen::Visible(_),
                    }) if cb == ca => {}
                    _ => {
                        // The partner is not beside it on screen: a marker on this claim's
                        // column edge, on the side of the partner's column (right when the
                        // partner's article is not open).
                        let Some(clip) = clips[*ca] else { continue };
                        let toward_left = matches!(b, Some(Placed { column, .. }) if column < ca);
                        if marker(&painter, clip, *ra, toward_left, color, pointer) && clicked {
                            marker_clicked = Some(*b_id);
                        }
                    }
                }
            }
        }
    }
    if let Some(id) = marker_clicked
        && let Some(c) = project.claim(id).filter(|c| !project.is_orphaned(c))
    {
        commands.push(Command::SelectClaim(Some(id)));
        commands.push(Command::Reveal {
            article: c.article_id,
            start: c.start,
            end: c.end,
        });
    } else if clicked && let Some((_, id)) = hit {
        commands.push(Command::SelectLink(Some(id)));
    }
    if hit.is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
}

/// The link handle: a small knob at the end of the selected claim. Drag it onto another
/// claim, in any column, to link the two.
pub fn link_handle(
    ui: &mut egui::Ui,
    project: &Project,
    columns: &[Column],
    selected: Option<ClaimId>,
    commands: &mut Vec<Command>,
) {
    let Some(id) = selected else { return };
    let Some(Placed {
        at: OnScreen::Visible(rect),
        ..
    }) = place(project, columns, id)
    else {
        return;
    };
    let center = egui::pos2(rect.max.x + 7.0, rect.min.y + 2.0);
    let hit = Rect::from_center_size(center, egui::vec2(14.0, 14.0));
    let response = ui
        .interact(hit, egui::Id::unique("link-handle"), egui::Sense::drag())
        .on_hover_text("Drag onto another claim to link them");
    let color = ui.visuals().selection.stroke.color;
    let painter = ui.painter();
    painter.circle_filled(center, 5.0, color);
    painter.circle_stroke(center, 5.0, Stroke::new(1.0, ui.visuals().extreme_bg_color));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Link handle"));
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
    }
    let pointer = ui.input(|i| i.pointer.interact_pos());
    if response.dragged()
        && let Some(p) = pointer
    {
        painter.line_segment([center, p], Stroke::new(2.0, color));
        painter.circle_stroke(p, 6.0, Stroke::new(1.5, color));
    }
    if response.drag_stopped()
        && let Some(p) = pointer
    {
        let target = columns.iter().find_map(|col| {
            let at = col.reader.char_at_screen(p)?;
            super::columns::claims_at(project, col.article, at)
                .into_iter()
                .find(|c| *c != id)
        });
        if let Some(to) = target {
            commands.push(Command::ProposeLink { from: id, to });
        }
    }
}

/// Paints a marker at the column edge level with `claim`; true when the pointer is on it.
fn marker(
    painter: &egui::Painter,
    clip: Rect,
    claim: Rect,
    toward_left: bool,
    color: Color32,
    pointer: Option<Pos2>,
) -> bool {
    let x = if toward_left {
        clip.min.x + 5.0
    } else {
        clip.max.x - 5.0
    };
    let y = claim.center().y;
    let dir = if toward_left { -1.0 } else { 1.0 };
    let tip = egui::pos2(x + 4.0 * dir, y);
    let pts = vec![
        tip,
        egui::pos2(x - 4.0 * dir, y - 6.0),
        egui::pos2(x - 4.0 * dir, y + 6.0),
    ];
    painter.add(egui::Shape::convex_polygon(pts, color, Stroke::NONE));
    let hot = pointer.is_some_and(|p| p.distance(egui::pos2(x, y)) < 9.0);
    if hot {
        painter.circle_stroke(egui::pos2(x, y), 9.0, Stroke::new(1.0, color));
    }
    hot
}

/// A new link of `kind` between `claims`, or `claim` added to an existing link.
pub fn new_link(project: &Project, kind: LinkKind, claims: Vec<ClaimId>) -> Link {
    Link {
        id: project.next_link_id(),
        kind,
        note: String::new(),
        resolution: crate::model::Resolution::Open,
        members: claims,
        author: None,
        edited_by: None,
    }
}
