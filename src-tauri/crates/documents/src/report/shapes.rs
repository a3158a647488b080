//! Vector shapes on a [`Canvas`]: polygons, outlined rectangles, dashed rules, ring segments
//! (for donuts) and internal link areas. Coordinates are points from the top-left corner.

use super::layout::{point, Canvas, Rgb8, PAGE_HEIGHT};
use printpdf::{
    Actions, BorderArray, ColorArray, Destination, HighlightingMode, LineDashPattern, LinePoint,
    LinkAnnotation, Op, PaintMode, Polygon, PolygonRing, Pt, Rect, WindingOrder,
};
use std::f32::consts::PI;

/// How a closed shape is painted.
#[derive(Debug, Clone, Copy)]
pub enum Paint {
    Fill(Rgb8),
    Stroke(Rgb8, f32),
    FillStroke(Rgb8, Rgb8, f32),
}

impl Canvas {
    fn set_paint(&mut self, paint: Paint) -> PaintMode {
        match paint {
            Paint::Fill(c) => {
                self.ops.push(Op::SetFillColor { col: c.color() });
                PaintMode::Fill
            }
            Paint::Stroke(c, w) => {
                self.ops.push(Op::SetOutlineColor { col: c.color() });
                self.ops.push(Op::SetOutlineThickness { pt: Pt(w) });
                PaintMode::Stroke
            }
            Paint::FillStroke(f, s, w) => {
                self.ops.push(Op::SetFillColor { col: f.color() });
                self.ops.push(Op::SetOutlineColor { col: s.color() });
                self.ops.push(Op::SetOutlineThickness { pt: Pt(w) });
                PaintMode::FillStroke
            }
        }
    }

    /// A closed polygon through `points` (x, y from the top-left).
    pub fn polygon(&mut self, points: &[(f32, f32)], paint: Paint) {
        if points.len() < 3 {
            return;
        }
        let mode = self.set_paint(paint);
        let ring = PolygonRing {
            points: points
                .iter()
                .map(|&(x, y)| LinePoint {
                    p: point(x, y),
                    bezier: false,
                })
                .collect(),
        };
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![ring],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// A dashed straight line; the dash pattern is reset afterwards.
    #[allow(clippy::too_many_arguments)]
    pub fn dashed(
        &mut self,
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        thickness: f32,
        color: Rgb8,
        dash: f32,
    ) {
        self.ops.push(Op::SetLineDashPattern {
            dash: LineDashPattern::new(0.0, &[dash, dash]),
        });
        self.rule(x1, y1, x2, y2, thickness, color);
        self.ops.push(Op::SetLineDashPattern {
            dash: LineDashPattern::solid(),
        });
    }

    /// A filled circle.
    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, paint: Paint) {
        let points = arc_points(cx, cy, r, 0.0, 2.0 * PI, 48);
        self.polygon(&points, paint);
    }

    /// A ring segment (part of a donut) from angle `from` to `to`, in radians clockwise from
    /// twelve o'clock.
    #[allow(clippy::too_many_arguments)]
    pub fn ring_segment(
        &mut self,
        cx: f32,
        cy: f32,
        outer: f32,
        inner: f32,
        from: f32,
        to: f32,
        color: Rgb8,
    ) {
        if to - from <= 0.0001 {
            return;
        }
        let steps = ((to - from) / (2.0 * PI) * 96.0).ceil().max(2.0) as usize;
        let mut points = arc_points(cx, cy, outer, from, to, steps);
        let mut back = arc_points(cx, cy, inner, from, to, steps);
        back.reverse();
        points.extend(back);
        self.polygon(&points, Paint::Fill(color));
    }

    /// A position in the drawing order, for [`Canvas::draw_under`].
    pub fn mark(&self) -> usize {
        self.ops.len()
    }

    /// Draws with `f` beneath everything drawn since `mark` (gridlines under bars).
    pub fn draw_under<E>(
        &mut self,
        mark: usize,
        f: impl FnOnce(&mut Canvas) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut layer = self.sibling();
        f(&mut layer)?;
        let at = mark.min(self.ops.len());
        self.ops.splice(at..at, layer.ops);
        Ok(())
    }

    /// Makes the area (x, y, w, h) a link to the top of 1-based `page` at `top` (points from the
    /// page's top edge). No border is drawn.
    pub fn link(&mut self, x: f32, y: f32, w: f32, h: f32, page: usize, top: f32) {
        let rect = Rect {
            x: Pt(x),
            y: Pt(PAGE_HEIGHT - y - h),
            width: Pt(w),
            height: Pt(h),
            mode: None,
            winding_order: None,
        };
        let link = LinkAnnotation::new(
            rect,
            Actions::go_to(Destination::Xyz {
                page,
                left: None,
                top: Some((PAGE_HEIGHT - top).clamp(0.0, PAGE_HEIGHT)),
                zoom: None,
            }),
            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
            Some(ColorArray::Transparent),
            Some(HighlightingMode::None),
        );
        self.ops.push(Op::LinkAnnotation { link });
    }
}

/// Points on a circle of radius `r` from angle `from` to `to` (radians, clockwise from twelve
/// o'clock), `steps` segments.
pub fn arc_points(cx: f32, cy: f32, r: f32, from: f32, to: f32, steps: usize) -> Vec<(f32, f32)> {
    let steps = steps.max(1);
    (0..=steps)
        .map(|i| {
            let a = from + (to - from) * i as f32 / steps as f32;
            (cx + r * a.sin(), cy - r * a.cos())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arcs_start_at_twelve_and_go_clockwise() {
        let p = arc_points(0.0, 0.0, 10.0, 0.0, PI / 2.0, 2);
        assert!(
            (p[0].0).abs() < 1e-4 && (p[0].1 + 10.0).abs() < 1e-4,
            "{p:?}"
        );
        assert!((p[2].0 - 10.0).abs() < 1e-4 && p[2].1.abs() < 1e-4, "{p:?}");
    }
}
