//! Charts as accessible SVG text: relative likelihoods on a log scale against the non-adverse
//! range, and groups' shares against their baseline shares.
//!
//! The widget and the printable pages embed the returned string as HTML. Each chart is
//! `role="img"` with a `<title>` and `<desc>` (the caller's words, which should say what the chart
//! shows); a ratio's status is shown by the point's shape as well as its colour, and the
//! non-adverse range is hatched with dashed edges so that it reads in black-and-white print. Fills
//! and strokes are set inline, so a chart renders the same without our stylesheet; `rep-` classes
//! are hooks only. Numbers go through `numbers::fixed` to keep float formatting out of the wasm.

use crate::html::E;
use crate::numbers::fixed;
use crate::stats::{
    format_interval_end, format_percent, format_ratio, format_ratio_in, NonAdverseRange, Ratio,
    RatioStatus,
};
use std::fmt::Write;

/// `write!` into a String, which cannot fail.
macro_rules! w {
    ($($t:tt)*) => { let _ = write!($($t)*); };
}

/// The drawing's width; its height grows with the rows.
const WIDTH: u32 = 780;
/// The plot runs from X0 to X1: labels are left of it, figures right of it.
const X0: f64 = 210.0;
const X1: f64 = 590.0;
/// The top of the first row, and each row's height.
const TOP: u32 = 30;
const ROW: u32 = 28;
/// Labels longer than this many characters are cut (the whole label is the tooltip).
const LABEL_CHARS: usize = 30;

/// One item on a ratio chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatioRow<'a> {
    pub label: &'a str,
    /// `None` when no ratio could be worked out: the row says "not computable".
    pub ratio: Option<Ratio>,
    pub status: RatioStatus,
}

/// One group on a share chart: its share and its baseline share, each 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareRow<'a> {
    pub label: &'a str,
    pub share: Option<f64>,
    pub baseline: Option<f64>,
}

/// Relative likelihoods on a log scale: per row, a point (its shape and colour give the status)
/// and its 95% interval, over the hatched non-adverse range and a solid line at 1. The axis runs
/// from 0.25 to 4, widened to the power of two that takes in every value, interval and range end,
/// but never beyond 0.05 to 20; anything further out is drawn at the edge with an arrow or a
/// "beyond" mark.
pub fn ratio_chart_svg(
    id: &str,
    title: &str,
    description: &str,
    rows: &[RatioRow],
    range: NonAdverseRange,
) -> String {
    let (lo, hi) = log_axis(rows, range);
    let (start, span) = (lo.log2(), hi.log2() - lo.log2());
    // f64::max and min drop a NaN, so a NaN lands at the left edge rather than nowhere.
    let x = |v: f64| X0 + (v.max(lo).min(hi).log2() - start) / span * (X1 - X0);
    let inside = |v: f64| v >= lo && v <= hi;
    let axis = TOP + rows.len() as u32 * ROW + 4;
    // The legend: the statuses the rows show, then the band and the interval, two to a line.
    let statuses: Vec<RatioStatus> = LEGEND_ORDER
        .into_iter()
        .filter(|s| {
            rows.iter()
                .any(|row| row.ratio.is_some() && row.status == *s)
        })
        .collect();
    let lines = (statuses.len() as u32 + 3) / 2;
    let mut out = open(id, title, description, axis + 60 + lines * 18);
    let id = E(id);
    w!(
        out,
        "<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#dbe7f3\"/>\
         <path d=\"M0 0V6\" stroke=\"#5a7895\" stroke-width=\"1.5\"/></pattern></defs>"
    );
    // The band, its dashed edges and their labels (pointing away from each other, so they never overlap).
    let (band_lo, band_hi) = (x(range.lower()), x(range.upper()));
    let (band_top, band_height) = (TOP - 4, axis + 4 - TOP);
    let (lo_at, hi_at) = (f(band_lo), f(band_hi));
    w!(
        out,
        "<rect class=\"rep-chart-band\" x=\"{lo_at}\" y=\"{band_top}\" width=\"{}\" height=\"{band_height}\" \
         fill=\"url(#{id}-hatch)\"/><path d=\"M{lo_at} {band_top}V{axis}M{hi_at} {band_top}V{axis}\" \
         stroke=\"#000\" stroke-dasharray=\"4 3\"/><path d=\"M{lo_at} {axis}v5M{hi_at} {axis}v5\" stroke=\"#000\"/>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\">{}</text>\
         <text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>",
        f(band_hi - band_lo),
        f(band_lo - 3.0),
        TOP - 8,
        tick_text(range.lower()),
        f(band_hi + 3.0),
        TOP - 8,
        tick_text(range.upper()),
    );
    w!(
        out,
        "<path class=\"rep-chart-one\" d=\"M{} {band_top}V{axis}\" stroke=\"#000\" stroke-width=\"1.5\"/>\
         <path d=\"M{} {axis}H{}\" stroke=\"#000\"/>",
        f(x(1.0)),
        f(X0),
        f(X1),
    );
    for power in -5..=5 {
        let v = 2f64.powi(power);
        if inside(v) {
            tick(&mut out, x(v), axis, &tick_text(v));
        }
    }
    caption(
        &mut out,
        axis,
        "Relative likelihood (log scale; 1 = equally likely)",
    );
    for (i, row) in rows.iter().enumerate() {
        let y = TOP + i as u32 * ROW + ROW / 2;
        row_label(&mut out, y, row.label);
        let Some(ratio) = row.ratio else {
            w!(
                out,
                "<text class=\"rep-chart-none\" x=\"{}\" y=\"{}\" font-style=\"italic\">not computable</text>",
                f(X0 + 6.0),
                y + 4
            );
            continue;
        };
        let (lower, upper) = (ratio.interval.lower, ratio.interval.upper);
        w!(
            out,
            "<path class=\"rep-interval\" d=\"M{} {y}H{}\" stroke=\"#000\" stroke-width=\"1.5\"/>",
            f(x(lower)),
            f(x(upper))
        );
        for end in [lower, upper] {
            let at = x(end);
            if inside(end) {
                w!(
                    out,
                    "<path d=\"M{} {}v10\" stroke=\"#000\" stroke-width=\"1.5\"/>",
                    f(at),
                    y - 5
                );
            } else {
                // An arrow just past the edge, clear of a point drawn there: the interval goes on.
                let side = if end > hi { 1.0 } else { -1.0 };
                w!(
                    out,
                    "<path class=\"rep-beyond\" d=\"M{0} {1}L{2} {y}L{0} {3}Z\" fill=\"#000\"/>",
                    f(at + 6.0 * side),
                    y - 4,
                    f(at + 12.0 * side),
                    y + 4
                );
            }
        }
        let (shape, colour) = status_shape(row.status);
        w!(
            out,
            "<g class=\"rep-point\" transform=\"translate({} {y})\" fill=\"{colour}\" stroke=\"#000\">\
             <title>{}</title>{shape}</g>",
            f(x(ratio.value)),
            E(row.status.label())
        );
        if !inside(ratio.value) {
            let (edge, anchor, nudge) = if ratio.value > hi {
                (hi, "end", -8.0)
            } else {
                (lo, "start", 8.0)
            };
            w!(
                out,
                "<text class=\"rep-beyond\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"10\">beyond {}</text>",
                f(x(edge) + nudge),
                y - 8,
                tick_text(edge)
            );
        }
        w!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\">{} ({} to {})</text>",
            f(X1 + 20.0),
            y + 4,
            format_ratio_in(ratio.value, range),
            format_interval_end(lower),
            format_interval_end(upper)
        );
    }
    // The legend, two columns below the axis caption.
    for (i, status) in statuses.iter().enumerate() {
        let (shape, colour) = status_shape(*status);
        let swatch = format!("<g fill=\"{colour}\" stroke=\"#000\">{shape}</g>");
        legend(&mut out, i, axis, &swatch, status.label());
    }
    let next = statuses.len();
    let band = format!(
        "<rect x=\"-6\" y=\"-6\" width=\"12\" height=\"12\" fill=\"url(#{id}-hatch)\" stroke=\"#000\" \
         stroke-dasharray=\"3 2\"/>"
    );
    let band_text = format!(
        "Non-adverse range, {} to {} (a guide)",
        fixed(range.lower(), 2),
        fixed(range.upper(), 2)
    );
    legend(&mut out, next, axis, &band, &band_text);
    legend(
        &mut out,
        next + 1,
        axis,
        "<path d=\"M-6 0H6M-6-4v8M6-4v8\" stroke=\"#000\" stroke-width=\"1.5\"/>",
        "95% confidence interval",
    );
    out.push_str("</g></svg>");
    out
}

/// Each group's share as a bar against its baseline share, a black tick with a white edge (so it
/// shows on the bar in black-and-white print), on an axis from 0 to the largest figure rounded up
/// to the next 10% (at least 10%, at most 100%). The figures are written to the right of the plot;
/// a missing one reads "no figure".
pub fn share_chart_svg(
    id: &str,
    title: &str,
    description: &str,
    series_label: &str,
    baseline_label: &str,
    rows: &[ShareRow],
) -> String {
    let largest = rows
        .iter()
        .flat_map(|row| [row.share, row.baseline])
        .flatten()
        .fold(0.0, f64::max);
    // The slack keeps 0.3 at 30% when 0.3 * 10 is a hair above 3; NaN and infinity cast to 0 and
    // u32::MAX, which the clamp turns into 10% and 100%.
    let tenths = ((largest * 10.0 - 1e-9).ceil() as u32).clamp(1, 10);
    let top = f64::from(tenths) / 10.0;
    let x = |v: f64| X0 + v.max(0.0).min(top) / top * (X1 - X0);
    let axis = TOP + rows.len() as u32 * ROW + 4;
    let mut out = open(id, title, description, axis + 60 + 2 * 18);
    for i in 0..=tenths {
        let at = X0 + f64::from(i) / f64::from(tenths) * (X1 - X0);
        w!(
            out,
            "<path d=\"M{} {}V{axis}\" stroke=\"#ccc\"/>",
            f(at),
            TOP - 4
        );
        tick(&mut out, at, axis, &format!("{}%", i * 10));
    }
    w!(
        out,
        "<path d=\"M{} {axis}H{}\" stroke=\"#000\"/>",
        f(X0),
        f(X1)
    );
    caption(&mut out, axis, "Share (%)");
    let figure = |v: Option<f64>| v.map_or("no figure".to_string(), format_percent);
    for (i, row) in rows.iter().enumerate() {
        let y = TOP + i as u32 * ROW + ROW / 2;
        row_label(&mut out, y, row.label);
        if let Some(share) = row.share {
            w!(
                out,
                "<rect class=\"rep-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"#1d70b8\"/>",
                f(X0),
                y - 7,
                f(x(share) - X0)
            );
        }
        if let Some(baseline) = row.baseline {
            w!(
                out,
                "<rect class=\"rep-baseline\" x=\"{}\" y=\"{}\" width=\"4\" height=\"22\" fill=\"#000\" stroke=\"#fff\"/>",
                f(x(baseline) - 2.0),
                y - 11
            );
        }
        w!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\">{} (baseline: {})</text>",
            f(X1 + 20.0),
            y + 4,
            figure(row.share),
            figure(row.baseline)
        );
    }
    let bar = "<rect x=\"-6\" y=\"-5\" width=\"12\" height=\"10\" fill=\"#1d70b8\"/>";
    let marker = "<rect x=\"-2\" y=\"-7\" width=\"4\" height=\"14\" fill=\"#000\"/>";
    legend(&mut out, 0, axis, bar, series_label);
    legend(&mut out, 2, axis, marker, baseline_label);
    out.push_str("</g></svg>");
    out
}

/// The log axis's ends: 0.25 to 4, widened by powers of two to take in every finite value,
/// interval end and range end, and past 1/16 or 16 straight to 0.05 or 20, the limits.
fn log_axis(rows: &[RatioRow], range: NonAdverseRange) -> (f64, f64) {
    let (mut least, mut most) = (range.lower(), range.upper());
    for ratio in rows.iter().filter_map(|row| row.ratio) {
        for v in [ratio.value, ratio.interval.lower, ratio.interval.upper] {
            if v > 0.0 && v.is_finite() {
                least = least.min(v);
                most = most.max(v);
            }
        }
    }
    let (mut lo, mut hi) = (0.25, 4.0);
    while least < lo && lo > 0.07 {
        lo /= 2.0;
    }
    while most > hi && hi < 15.0 {
        hi *= 2.0;
    }
    (
        if least < lo { 0.05 } else { lo },
        if most > hi { 20.0 } else { hi },
    )
}

/// The statuses in the order the legend lists them.
const LEGEND_ORDER: [RatioStatus; 9] = [
    RatioStatus::Within,
    RatioStatus::Adverse,
    RatioStatus::FavourableToComparison,
    RatioStatus::Higher,
    RatioStatus::Lower,
    RatioStatus::OutsideNotConclusive,
    RatioStatus::HigherNotConclusive,
    RatioStatus::LowerNotConclusive,
    RatioStatus::TooFewToTell,
];

/// The point for a status, drawn at the origin, and its fill: a filled circle (within), filled
/// square (adverse), filled diamond (favourable), a filled triangle pointing up or down (clearly
/// higher or lower, two-sided), a hollow circle (outside, not conclusive, either side; also a
/// ratio marked not computable) or a hollow square with a dashed edge (too few to tell).
fn status_shape(status: RatioStatus) -> (&'static str, &'static str) {
    match status {
        RatioStatus::Higher => (
            "<path class=\"rep-point-higher\" d=\"M0-6.5L6.5 5L-6.5 5Z\"/>",
            "#4c2c92",
        ),
        RatioStatus::Lower => (
            "<path class=\"rep-point-lower\" d=\"M0 6.5L6.5-5L-6.5-5Z\"/>",
            "#4c2c92",
        ),
        RatioStatus::TooFewToTell => (
            "<rect class=\"rep-point-too-few\" x=\"-4.5\" y=\"-4.5\" width=\"9\" height=\"9\" stroke-width=\"2\" stroke-dasharray=\"2 1.5\"/>",
            "#fff",
        ),
        RatioStatus::Within => ("<circle class=\"rep-point-within\" r=\"5\"/>", "#00703c"),
        RatioStatus::Adverse => (
            "<rect class=\"rep-point-adverse\" x=\"-5\" y=\"-5\" width=\"10\" height=\"10\"/>",
            "#d4351c",
        ),
        RatioStatus::FavourableToComparison => (
            "<path class=\"rep-point-favourable\" d=\"M0-6.5L6.5 0L0 6.5L-6.5 0Z\"/>",
            "#1d70b8",
        ),
        RatioStatus::OutsideNotConclusive
        | RatioStatus::HigherNotConclusive
        | RatioStatus::LowerNotConclusive
        | RatioStatus::NotComputable => (
            "<circle class=\"rep-point-not-conclusive\" r=\"4.5\" stroke-width=\"2\"/>",
            "#fff",
        ),
    }
}

/// The root element with its title and description, and the group that sets the font.
fn open(id: &str, title: &str, description: &str, height: u32) -> String {
    let mut out = String::new();
    w!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rep-chart\" role=\"img\" \
         aria-labelledby=\"{0}-title {0}-desc\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\">\
         <title id=\"{0}-title\">{1}</title><desc id=\"{0}-desc\">{2}</desc>\
         <g font-family=\"Arial,Helvetica,sans-serif\" font-size=\"12\" fill=\"#000\">",
        E(id),
        E(title),
        E(description)
    );
    out
}

/// A row's label at the left, cut to fit, with the whole label as its tooltip.
fn row_label(out: &mut String, y: u32, label: &str) {
    let shown: String = if label.chars().count() > LABEL_CHARS {
        label.chars().take(LABEL_CHARS - 1).chain(['…']).collect()
    } else {
        label.to_string()
    };
    w!(
        out,
        "<text class=\"rep-chart-label\" x=\"8\" y=\"{}\"><title>{}</title>{}</text>",
        y + 4,
        E(label),
        E(&shown)
    );
}

/// A tick mark below the axis with its label.
fn tick(out: &mut String, at: f64, axis: u32, text: &str) {
    w!(
        out,
        "<path d=\"M{0} {axis}v5\" stroke=\"#000\"/><text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" font-size=\"11\">{2}</text>",
        f(at),
        axis + 18,
        E(text)
    );
}

/// The axis's caption, centred under the plot.
fn caption(out: &mut String, axis: u32, text: &str) {
    w!(
        out,
        "<text class=\"rep-chart-caption\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
        f((X0 + X1) / 2.0),
        axis + 36,
        E(text)
    );
}

/// Legend entry `slot` (two columns, filled a line at a time): a swatch drawn at the origin, then its words.
fn legend(out: &mut String, slot: usize, axis: u32, swatch: &str, text: &str) {
    w!(
        out,
        "<g class=\"rep-chart-legend\" transform=\"translate({} {})\">{swatch}<text x=\"14\" y=\"4\">{}</text></g>",
        16 + slot % 2 * 380,
        axis as usize + 62 + slot / 2 * 18,
        E(text)
    );
}

/// A coordinate to a tenth of a unit.
fn f(v: f64) -> String {
    fixed(v, 1)
}

/// A tick's label: the ratio as the sentences write it, without trailing zeros ("0.25", "4").
fn tick_text(v: f64) -> String {
    let text = format_ratio(v);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::Interval;

    fn ratio(value: f64, lower: f64, upper: f64) -> Option<Ratio> {
        Some(Ratio {
            value,
            interval: Interval { lower, upper },
            corrected: false,
            observed: Some(value),
            small_cells: false,
            exact_p: None,
        })
    }

    fn row(label: &str, ratio: Option<Ratio>, status: RatioStatus) -> RatioRow<'_> {
        RatioRow {
            label,
            ratio,
            status,
        }
    }

    /// The x of each point, in order, read back from `translate(x y)`.
    fn point_xs(svg: &str) -> Vec<f64> {
        svg.split("<g class=\"rep-point\" transform=\"translate(")
            .skip(1)
            .map(|rest| rest.split(' ').next().unwrap().parse().unwrap())
            .collect()
    }

    /// The x of the solid line at 1, read back from its path `M{x} ...`.
    fn one_line_x(svg: &str) -> f64 {
        let rest = svg.split("rep-chart-one\" d=\"M").nth(1).unwrap();
        rest.split(' ').next().unwrap().parse().unwrap()
    }

    /// Every element that opens is closed, in order (self-closing ones count as closed).
    fn assert_well_formed(svg: &str) {
        let mut open: Vec<&str> = Vec::new();
        let mut rest = svg;
        while let Some(at) = rest.find('<') {
            let end = rest[at..].find('>').expect("a tag that never ends") + at;
            let tag = &rest[at + 1..end];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop(), Some(name), "closing </{name}> out of order");
            } else if !tag.ends_with('/') {
                open.push(tag.split([' ', '\n']).next().unwrap());
            }
            rest = &rest[end + 1..];
        }
        assert!(open.is_empty(), "left open: {open:?}");
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
    }

    fn four_rows() -> Vec<RatioRow<'static>> {
        vec![
            row("Within", ratio(1.1, 0.9, 1.3), RatioStatus::Within),
            row("Adverse", ratio(2.0, 1.5, 2.6), RatioStatus::Adverse),
            row(
                "Favourable",
                ratio(0.5, 0.3, 0.8),
                RatioStatus::FavourableToComparison,
            ),
            row(
                "Not sure",
                ratio(1.6, 0.7, 3.5),
                RatioStatus::OutsideNotConclusive,
            ),
            row("Empty", None, RatioStatus::NotComputable),
        ]
    }

    #[test]
    fn title_desc_and_labels_are_present_and_escaped() {
        let rows = [row(
            "<script>alert(1)</script>",
            ratio(1.0, 0.8, 1.2),
            RatioStatus::Within,
        )];
        let svg = ratio_chart_svg(
            "rl",
            "Hiring & <b>",
            "Shows \"likelihood\"",
            &rows,
            NonAdverseRange::default(),
        );
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rep-chart\" role=\"img\" \
             aria-labelledby=\"rl-title rl-desc\" viewBox=\"0 0 780 "
        ));
        assert!(svg.contains("<title id=\"rl-title\">Hiring &amp; &lt;b&gt;</title>"));
        assert!(svg.contains("<desc id=\"rl-desc\">Shows &quot;likelihood&quot;</desc>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert_well_formed(&svg);
    }

    #[test]
    fn one_point_per_computable_row_and_shapes_differ_by_status() {
        let svg = ratio_chart_svg("c", "T", "D", &four_rows(), NonAdverseRange::default());
        assert_eq!(point_xs(&svg).len(), 4);
        assert_eq!(svg.matches(">not computable</text>").count(), 1);
        // Each shape appears once among the points and once in the legend.
        for class in [
            "<circle class=\"rep-point-within\"",
            "<rect class=\"rep-point-adverse\"",
            "<path class=\"rep-point-favourable\"",
            "<circle class=\"rep-point-not-conclusive\"",
        ] {
            assert_eq!(svg.matches(class).count(), 2, "{class}");
        }
        let shapes: Vec<_> = [
            RatioStatus::Within,
            RatioStatus::Adverse,
            RatioStatus::FavourableToComparison,
            RatioStatus::OutsideNotConclusive,
        ]
        .map(|s| status_shape(s).0)
        .to_vec();
        for (i, a) in shapes.iter().enumerate() {
            for b in &shapes[i + 1..] {
                assert_ne!(a, b);
            }
        }
        // The legend names each status in words.
        for words in [
            "Within the range",
            "Adverse",
            "Favourable to the comparison group",
            "Outside the range, not conclusive",
        ] {
            assert!(svg.contains(&format!("<text x=\"14\" y=\"4\">{words}</text>")));
        }
        assert_well_formed(&svg);
    }

    #[test]
    fn two_sided_and_too_few_statuses_have_shapes_of_their_own() {
        let rows = [
            row("Higher", ratio(2.0, 1.5, 2.6), RatioStatus::Higher),
            row("Lower", ratio(0.5, 0.3, 0.7), RatioStatus::Lower),
            row(
                "Unsure",
                ratio(0.5, 0.2, 1.3),
                RatioStatus::LowerNotConclusive,
            ),
            row("Few", ratio(31.4, 1.3, 760.0), RatioStatus::TooFewToTell),
        ];
        let svg = ratio_chart_svg("c", "T", "D", &rows, NonAdverseRange::default());
        for (class, words) in [
            (
                "<path class=\"rep-point-higher\"",
                "Clearly higher than expected",
            ),
            (
                "<path class=\"rep-point-lower\"",
                "Clearly lower than expected",
            ),
            (
                "<rect class=\"rep-point-too-few\"",
                "Not conclusive: too few to tell",
            ),
        ] {
            assert_eq!(svg.matches(class).count(), 2, "{class}");
            assert!(svg.contains(&format!("<text x=\"14\" y=\"4\">{words}</text>")));
        }
        // Only the statuses shown are in the legend.
        assert!(!svg.contains(">Adverse</text>") && !svg.contains(">Within the range</text>"));
        assert!(svg.contains(">Lower than expected, not conclusive</text>"));
        // A figure beside its status never rounds into the range: 0.7996 is not "0.800".
        let edge = [row(
            "Edge",
            ratio(0.7996, 0.775, 0.825),
            RatioStatus::Adverse,
        )];
        let svg = ratio_chart_svg("c", "T", "D", &edge, NonAdverseRange::default());
        assert!(svg.contains(">0.7996 (0.775 to 0.825)</text>"), "{svg}");
        assert_well_formed(&svg);
    }

    #[test]
    fn points_sit_left_of_one_below_one_and_right_above() {
        let svg = ratio_chart_svg("c", "T", "D", &four_rows(), NonAdverseRange::default());
        let one = one_line_x(&svg);
        // The default axis is 0.25 to 4: 4 octaves over 380 units, so 1 is 2 octaves in: 210 + 190.
        assert_eq!(one, 400.0);
        let xs = point_xs(&svg);
        assert!(xs[0] > one && xs[1] > one && xs[3] > one, "{xs:?}");
        assert!(xs[2] < one, "{xs:?}");
        // 2.0 is one octave right of 1: 400 + 95; 0.5 one octave left: 400 - 95.
        assert_eq!((xs[1], xs[2]), (495.0, 305.0));
    }

    #[test]
    fn a_ratio_of_100_is_clamped_at_the_edge_of_0_05_to_20() {
        let rows = [row("Far", ratio(100.0, 40.0, 250.0), RatioStatus::Adverse)];
        let svg = ratio_chart_svg("c", "T", "D", &rows, NonAdverseRange::default());
        // The axis widens to its limit of 20, where the point is drawn: the right edge, X1 = 590.
        assert_eq!(point_xs(&svg), vec![590.0]);
        assert!(svg.contains(">beyond 20</text>"));
        // The interval starts at 40 (beyond 20 as well), so both of its ends are arrows.
        assert_eq!(svg.matches("<path class=\"rep-beyond\"").count(), 2);
        // The exact figure is still written, to 3 significant figures.
        assert!(svg.contains(">100 (40.0 to 250)</text>"));
        assert_well_formed(&svg);
    }

    #[test]
    fn the_axis_widens_to_a_power_of_two_for_an_interval_down_to_0_1() {
        let normal = ratio_chart_svg(
            "c",
            "T",
            "D",
            &[row("A", ratio(1.1, 0.9, 1.3), RatioStatus::Within)],
            NonAdverseRange::default(),
        );
        assert!(normal.contains(">0.25</text>") && !normal.contains(">0.125</text>"));
        let rows = [row(
            "Low",
            ratio(0.3, 0.1, 0.9),
            RatioStatus::OutsideNotConclusive,
        )];
        let svg = ratio_chart_svg("c", "T", "D", &rows, NonAdverseRange::default());
        // 0.1 lies between 1/16 and 1/8, so the axis starts at 1/16 = 0.0625 and keeps its ticks.
        for label in ["0.0625", "0.125", "0.25", "0.5", "1", "2", "4"] {
            assert!(svg.contains(&format!(">{label}</text>")), "{label}");
        }
        assert!(!svg.contains(">0.03125</text>") && !svg.contains(">8</text>"));
        // 1/16 to 4 is 6 octaves over 380 units; 1 is 4 octaves in: 210 + 380 * 4 / 6 = 463.3.
        assert_eq!(one_line_x(&svg), 463.3);
        assert!(!svg.contains("rep-beyond"));
    }

    #[test]
    fn the_band_spans_the_range_ends_with_labels() {
        let range = NonAdverseRange::new(0.5, 2.0).unwrap();
        let svg = ratio_chart_svg("c", "T", "D", &four_rows(), range);
        // 0.5 and 2 are one octave either side of 1 on the 0.25..4 axis: 305 to 495, width 190.
        assert!(svg.contains(
            "<rect class=\"rep-chart-band\" x=\"305.0\" y=\"26\" width=\"190.0\" height=\"148\" fill=\"url(#c-hatch)\"/>"
        ));
        assert!(svg.contains("M305.0 26V174M495.0 26V174\" stroke=\"#000\" stroke-dasharray"));
        assert!(svg.contains("Non-adverse range, 0.50 to 2.00 (a guide)"));
        let default = ratio_chart_svg("c", "T", "D", &four_rows(), NonAdverseRange::default());
        assert!(default.contains(">0.8</text>") && default.contains(">1.25</text>"));
    }

    #[test]
    fn ids_inside_are_prefixed_so_two_charts_do_not_clash() {
        let one = ratio_chart_svg("first", "T", "D", &four_rows(), NonAdverseRange::default());
        let two = ratio_chart_svg("second", "T", "D", &four_rows(), NonAdverseRange::default());
        for (svg, id) in [(&one, "first"), (&two, "second")] {
            let ids: Vec<&str> = svg
                .split(" id=\"")
                .skip(1)
                .map(|rest| rest.split('"').next().unwrap())
                .collect();
            assert_eq!(ids.len(), 3, "{ids:?}");
            assert!(
                ids.iter().all(|i| i.starts_with(&format!("{id}-"))),
                "{ids:?}"
            );
            assert!(svg.contains(&format!("url(#{id}-hatch)")));
        }
    }

    #[test]
    fn rows_make_the_chart_taller() {
        let height = |svg: &str| -> u32 {
            let rest = svg.split("viewBox=\"0 0 780 ").nth(1).unwrap();
            rest.split('"').next().unwrap().parse().unwrap()
        };
        let range = NonAdverseRange::default();
        let one = ratio_chart_svg("c", "T", "D", &four_rows()[..1], range);
        let five = ratio_chart_svg("c", "T", "D", &four_rows(), range);
        // Four more rows, and the legend lists three more statuses: one more line of it.
        assert_eq!(height(&five) - height(&one), 4 * ROW + 18);
        assert_well_formed(&ratio_chart_svg("c", "T", "D", &[], range));
    }

    #[test]
    fn share_chart_draws_bars_markers_and_figures() {
        let rows = [
            ShareRow {
                label: "Black <clients>",
                share: Some(0.23),
                baseline: Some(0.3),
            },
            ShareRow {
                label: "Asian",
                share: None,
                baseline: Some(0.1),
            },
            ShareRow {
                label: "Mixed",
                share: Some(0.05),
                baseline: None,
            },
        ];
        let svg = share_chart_svg(
            "s",
            "Shares",
            "Desc",
            "IPS clients",
            "Caseload & more",
            &rows,
        );
        assert!(svg.contains("aria-labelledby=\"s-title s-desc\""));
        assert!(svg.contains("Black &lt;clients&gt;") && svg.contains("Caseload &amp; more"));
        // The largest figure, 30%, is the axis's end: 380 units for 30%, so 23% is 291.3 wide.
        assert!(svg.contains(">30%</text>") && !svg.contains(">40%</text>"));
        assert!(svg.contains("class=\"rep-bar\" x=\"210.0\" y=\"37\" width=\"291.3\""));
        // The baseline at 30% is the right edge, 590, drawn 4 wide from 588.
        assert!(svg.contains("class=\"rep-baseline\" x=\"588.0\" y=\"33\""));
        assert_eq!(svg.matches("class=\"rep-bar\"").count(), 2);
        assert_eq!(svg.matches("class=\"rep-baseline\"").count(), 2);
        assert!(svg.contains(">23.0% (baseline: 30.0%)</text>"));
        assert!(svg.contains(">no figure (baseline: 10.0%)</text>"));
        assert!(svg.contains(">5.0% (baseline: no figure)</text>"));
        assert!(svg.contains(">IPS clients</text>"));
        assert_well_formed(&svg);
    }

    #[test]
    fn share_axis_runs_to_at_most_100_percent() {
        let full = [ShareRow {
            label: "All",
            share: Some(1.0),
            baseline: Some(f64::NAN),
        }];
        let svg = share_chart_svg("s", "T", "D", "a", "b", &full);
        assert!(svg.contains(">100%</text>"));
        let none = share_chart_svg("s", "T", "D", "a", "b", &[]);
        // With no figures the axis still runs to 10%.
        assert!(none.contains(">10%</text>") && !none.contains(">20%</text>"));
        assert_well_formed(&svg);
        assert_well_formed(&none);
    }
}
