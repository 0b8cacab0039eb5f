//! The snapshot timeline as a standalone SVG.

use std::fmt::Write as _;

use crate::inspect_pages::escape;
use crate::SnapshotView;

const WIDTH: f64 = 800.0;
const LEFT: f64 = 90.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 30.0;
const PANEL: f64 = 80.0;
const GAP: f64 = 20.0;
const AXIS: f64 = 40.0;

struct Series {
    class: &'static str,
    label: &'static str,
    value: fn(&SnapshotView) -> f64,
    colour: &'static str,
}

const SERIES: [Series; 4] = [
    Series { class: "pause", label: "pause (us)", value: |s| s.pause_us as f64, colour: "#c0392b" },
    Series { class: "pages", label: "pages", value: |s| s.pages as f64, colour: "#2980b9" },
    Series { class: "bytes", label: "bytes", value: |s| s.bytes as f64, colour: "#27ae60" },
    Series { class: "write", label: "write (ms)", value: |s| s.write_ms, colour: "#8e44ad" },
];

fn number(value: f64) -> String {
    if value >= 1e9 {
        format!("{:.1}G", value / 1e9)
    } else if value >= 1e6 {
        format!("{:.1}M", value / 1e6)
    } else if value >= 1e4 {
        format!("{:.1}k", value / 1e3)
    } else if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

/// A plot of the snapshots against time: one panel each for pause, pages, bytes and write
/// duration, one bar per snapshot in each (`<rect class="bar pause">` and so on), a labelled
/// value axis per panel and a time axis in seconds since the first snapshot.
pub fn timeline_svg(snapshots: &[SnapshotView]) -> String {
    let height = TOP + SERIES.len() as f64 * (PANEL + GAP) + AXIS;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" \
         font-family=\"sans-serif\" font-size=\"11\">\n<title>Snapshots</title>\n\
         <rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{height}\" fill=\"white\"/>\n\
         <text x=\"{LEFT}\" y=\"18\" font-size=\"13\">snapshots: {}</text>\n",
        snapshots.len()
    );
    let plot_width = WIDTH - LEFT - RIGHT;
    let first = snapshots.iter().map(|s| s.unix_ms).min().unwrap_or(0);
    let last = snapshots.iter().map(|s| s.unix_ms).max().unwrap_or(0);
    let span = (last - first) as f64;
    let x_of = |unix_ms: u64| {
        if span == 0.0 {
            LEFT + plot_width / 2.0
        } else {
            LEFT + (unix_ms - first) as f64 / span * plot_width
        }
    };
    let bar_width = (plot_width / snapshots.len().max(1) as f64 * 0.6).clamp(1.0, 12.0);
    for (row, series) in SERIES.iter().enumerate() {
        let top = TOP + row as f64 * (PANEL + GAP);
        let bottom = top + PANEL;
        let max = snapshots.iter().map(series.value).filter(|v| v.is_finite()).fold(0.0, f64::max);
        let _ = writeln!(
            out,
            "<g class=\"panel {class}\">\n<line x1=\"{LEFT}\" y1=\"{top}\" x2=\"{LEFT}\" y2=\"{bottom}\" stroke=\"black\"/>\n\
             <line x1=\"{LEFT}\" y1=\"{bottom}\" x2=\"{}\" y2=\"{bottom}\" stroke=\"black\"/>\n\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n\
             <text x=\"{}\" y=\"{bottom}\" text-anchor=\"end\">0</text>",
            LEFT + plot_width,
            LEFT - 6.0,
            top + PANEL / 2.0,
            escape(series.label),
            LEFT - 6.0,
            top + 10.0,
            number(max),
            LEFT - 6.0,
            class = series.class,
        );
        for snapshot in snapshots {
            let value = (series.value)(snapshot);
            let value = if value.is_finite() && value > 0.0 { value } else { 0.0 };
            let bar = if max > 0.0 { value / max * PANEL } else { 0.0 };
            let _ = writeln!(
                out,
                "<rect class=\"bar {}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{bar_width:.1}\" height=\"{bar:.1}\" fill=\"{}\">\
                 <title>generation {}: {} {}</title></rect>",
                series.class,
                x_of(snapshot.unix_ms) - bar_width / 2.0,
                bottom - bar,
                series.colour,
                snapshot.generation,
                number(value),
                escape(series.label)
            );
        }
        out.push_str("</g>\n");
    }
    let axis_y = TOP + SERIES.len() as f64 * (PANEL + GAP) - GAP + 16.0;
    let _ = writeln!(
        out,
        "<text x=\"{LEFT}\" y=\"{axis_y}\" text-anchor=\"middle\">0 s</text>\n\
         <text x=\"{}\" y=\"{axis_y}\" text-anchor=\"middle\">{:.1} s</text>\n\
         <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">time since the first snapshot</text>",
        LEFT + plot_width,
        span / 1000.0,
        LEFT + plot_width / 2.0,
        axis_y + 16.0
    );
    if snapshots.is_empty() {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">no snapshots yet</text>",
            WIDTH / 2.0,
            height / 2.0
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_per_snapshot_in_every_panel() {
        let snapshots: Vec<SnapshotView> = (0..5)
            .map(|generation| SnapshotView {
                generation,
                unix_ms: 1_700_000_000_000 + generation * 1500,
                pause_us: 100 * generation,
                pages: 10,
                bytes: 40_960,
                write_ms: 1.5,
            })
            .collect();
        let svg = timeline_svg(&snapshots);
        assert!(svg.starts_with("<svg"));
        assert!(svg.trim_end().ends_with("</svg>"));
        for class in ["pause", "pages", "bytes", "write"] {
            assert_eq!(svg.matches(&format!("class=\"bar {class}\"")).count(), 5, "{class}");
        }
        assert!(svg.contains("pause (us)") && svg.contains("6.0 s"));
        assert_eq!(svg.matches("<rect").count(), svg.matches("</rect>").count() + 1);
        assert!(timeline_svg(&[]).contains("no snapshots yet"));
    }
}
