#include "reports/pdf_chart.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "reports/swedish_format.hpp"

namespace stegvis::reports {
namespace {

constexpr Rgb kPalette[] = {{0x1f / 255.0, 0x5f / 255.0, 0x8b / 255.0}, {0xd9 / 255.0, 0x82 / 255.0, 0x2b / 255.0},
                            {0x4b / 255.0, 0x8b / 255.0, 0x3b / 255.0}, {0x8e / 255.0, 0x44 / 255.0, 0xad / 255.0},
                            {0xc0 / 255.0, 0x39 / 255.0, 0x2b / 255.0}, {0x7f / 255.0, 0x8c / 255.0, 0x8d / 255.0},
                            {0x16 / 255.0, 0xa0 / 255.0, 0x85 / 255.0}, {0xb7 / 255.0, 0x95 / 255.0, 0x0b / 255.0}};
constexpr Rgb kReference{0xb0 / 255.0, 0, 0x20 / 255.0};
constexpr double kPlotHeight = 170;
constexpr const char* kTick = "DejaVu Sans 8";

Rgb colour(std::size_t i) { return kPalette[i % std::size(kPalette)]; }

// A step of 1, 2, 2.5 or 5 times a power of ten giving about five intervals.
double nice_step(double span) {
  double raw = span / 5;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double f : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (f * magnitude >= raw) return f * magnitude;
  return 10 * magnitude;
}

struct Scale {
  double lo = 0, hi = 1, step = 1;
};

Scale scale_of(const Chart& chart) {
  double lo = 0, hi = 0;
  std::size_t n = chart.labels.size();
  for (std::size_t i = 0; i < n; ++i) {
    double pos = 0, neg = 0;
    for (const auto& s : chart.series) {
      if (i >= s.values.size() || !s.values[i]) continue;
      double v = *s.values[i];
      if (chart.kind == "stacked") {
        (v >= 0 ? pos : neg) += v;
      } else {
        hi = std::max(hi, v);
        lo = std::min(lo, v);
      }
    }
    hi = std::max(hi, pos);
    lo = std::min(lo, neg);
  }
  if (chart.reference_value) hi = std::max(hi, *chart.reference_value);
  if (chart.y_max) hi = std::max(hi, *chart.y_max);
  if (hi - lo <= 0) hi = lo + 1;
  Scale s;
  s.step = nice_step(hi - lo);
  s.lo = std::floor(lo / s.step) * s.step;
  s.hi = chart.y_max && *chart.y_max >= hi ? *chart.y_max : std::ceil(hi / s.step) * s.step;
  return s;
}

class Plot {
 public:
  Plot(PdfCanvas& c, const Chart& chart, double x, double y, double w, double h)
      : c_(c), chart_(chart), x_(x), y_(y), w_(w), h_(h), scale_(scale_of(chart)) {}

  double ypos(double v) const { return y_ + h_ - (v - scale_.lo) / (scale_.hi - scale_.lo) * h_; }
  double slot() const { return w_ / static_cast<double>(std::max<std::size_t>(chart_.labels.size(), 1)); }
  double xcentre(std::size_t i) const { return x_ + slot() * (static_cast<double>(i) + 0.5); }

  void axes() {
    cairo_t* cr = c_.cr();
    cairo_set_line_width(cr, 0.4);
    for (double v = scale_.lo; v <= scale_.hi + scale_.step / 1000; v += scale_.step) {
      c_.set_colour(v == 0 ? kMuted : kRule);
      cairo_move_to(cr, x_, ypos(v));
      cairo_line_to(cr, x_ + w_, ypos(v));
      cairo_stroke(cr);
      auto label = c_.layout(format_number_sv(v, true), kTick, 0);  // never wrapped, right-aligned by hand
      c_.draw(label.get(), x_ - 4 - PdfCanvas::natural_width(label.get()), ypos(v) - PdfCanvas::height(label.get()) / 2,
              kMuted);
    }
    // Category labels: every k-th when they are too many to read side by side.
    std::size_t every = 1;
    while (slot() * static_cast<double>(every) < 28) ++every;
    for (std::size_t i = 0; i < chart_.labels.size(); i += every) {
      double width = slot() * static_cast<double>(every) - 2;
      auto label = c_.layout(chart_.labels[i], kTick, width, PANGO_ALIGN_CENTER);
      pango_layout_set_height(label.get(), -2);  // at most two lines
      pango_layout_set_ellipsize(label.get(), PANGO_ELLIPSIZE_END);
      c_.draw(label.get(), xcentre(i) - width / 2, y_ + h_ + 3, kInk);
    }
  }

  void bars(bool stacked) {
    cairo_t* cr = c_.cr();
    std::size_t k = std::max<std::size_t>(chart_.series.size(), 1);
    double group = slot() * 0.75;
    double bar = stacked ? group : group / static_cast<double>(k);
    for (std::size_t i = 0; i < chart_.labels.size(); ++i) {
      double pos = 0, neg = 0;
      for (std::size_t s = 0; s < chart_.series.size(); ++s) {
        const auto& values = chart_.series[s].values;
        if (i >= values.size() || !values[i]) continue;
        double v = *values[i], base = 0;
        if (stacked) {
          base = v >= 0 ? pos : neg;
          (v >= 0 ? pos : neg) += v;
        }
        double left = xcentre(i) - group / 2 + (stacked ? 0 : bar * static_cast<double>(s));
        double y0 = ypos(base), y1 = ypos(base + v);
        c_.set_colour(colour(s));
        cairo_rectangle(cr, left + 0.5, std::min(y0, y1), bar - 1, std::fabs(y1 - y0));
        cairo_fill(cr);
      }
    }
  }

  // Lines span a missing value as the browser's chart does; markers only where there is one.
  void lines() {
    cairo_t* cr = c_.cr();
    for (std::size_t s = 0; s < chart_.series.size(); ++s) {
      const auto& values = chart_.series[s].values;
      c_.set_colour(colour(s));
      cairo_set_line_width(cr, 1.5);
      bool started = false;
      for (std::size_t i = 0; i < values.size() && i < chart_.labels.size(); ++i) {
        if (!values[i]) continue;
        if (started) cairo_line_to(cr, xcentre(i), ypos(*values[i]));
        else cairo_move_to(cr, xcentre(i), ypos(*values[i]));
        started = true;
      }
      cairo_stroke(cr);
      for (std::size_t i = 0; i < values.size() && i < chart_.labels.size(); ++i) {
        if (!values[i]) continue;
        cairo_arc(cr, xcentre(i), ypos(*values[i]), 2.2, 0, 2 * M_PI);
        cairo_fill(cr);
      }
    }
  }

  void reference() {
    if (!chart_.reference_value) return;
    cairo_t* cr = c_.cr();
    double y = ypos(*chart_.reference_value);
    const double dash[] = {6, 4};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, 1.2);
    c_.set_colour(kReference);
    cairo_move_to(cr, x_, y);
    cairo_line_to(cr, x_ + w_, y);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    std::string text = chart_.reference_label.empty() ? format_number_sv(*chart_.reference_value, true)
                                                      : chart_.reference_label + " (" +
                                                            format_number_sv(*chart_.reference_value, true) + ")";
    auto label = c_.layout(text, kTick, 0);
    double lw = PdfCanvas::natural_width(label.get()), lh = PdfCanvas::height(label.get());
    double lx = x_ + w_ - lw - 2, ly = y - lh - 1;
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);  // readable over a bar or a line
    cairo_rectangle(cr, lx - 2, ly, lw + 4, lh);
    cairo_fill(cr);
    c_.draw(label.get(), lx, ly, kReference);
  }

 private:
  PdfCanvas& c_;
  const Chart& chart_;
  double x_, y_, w_, h_;
  Scale scale_;
};

// Colour boxes and names in rows under the plot; the reference line is named too.
double legend(PdfCanvas& c, const Chart& chart, double x, double y, double width, bool draw) {
  double cx = x, cy = y, row = 14;
  auto item = [&](const std::string& name, Rgb col, bool dashed) {
    auto l = c.layout(name, "DejaVu Sans 8.5", 0);
    double w = PdfCanvas::natural_width(l.get()) + 18;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += row;
    }
    if (draw) {
      c.set_colour(col);
      if (dashed) {
        const double dash[] = {3, 2};
        cairo_set_dash(c.cr(), dash, 2, 0);
        cairo_set_line_width(c.cr(), 1.2);
        cairo_move_to(c.cr(), cx, cy + 5);
        cairo_line_to(c.cr(), cx + 10, cy + 5);
        cairo_stroke(c.cr());
        cairo_set_dash(c.cr(), nullptr, 0, 0);
      } else {
        cairo_rectangle(c.cr(), cx, cy + 1, 9, 8);
        cairo_fill(c.cr());
      }
      c.draw(l.get(), cx + 13, cy, kInk);
    }
    cx += w + 6;
  };
  for (std::size_t s = 0; s < chart.series.size(); ++s) item(chart.series[s].name, colour(s), false);
  if (chart.reference_value && !chart.reference_label.empty()) item(chart.reference_label, kReference, true);
  return cy + row - y;
}

}  // namespace

void draw_chart(PdfCanvas& c, const Chart& chart) {
  auto title = c.layout(chart.title, "DejaVu Sans Bold 12", c.width());
  double title_h = PdfCanvas::height(title.get());
  // The plot starts right of the widest tick label.
  Scale scale = scale_of(chart);
  double ticks = 0;
  for (double v = scale.lo; v <= scale.hi + scale.step / 1000; v += scale.step)
    ticks = std::max(ticks, PdfCanvas::natural_width(c.layout(format_number_sv(v, true), kTick, 0).get()));
  double plot_x = c.left() + ticks + 8, plot_w = c.width() - ticks - 16;
  double legend_h = legend(c, chart, c.left(), 0, c.width(), false);
  c.need(title_h + 6 + kPlotHeight + 30 + legend_h);
  c.draw(title.get(), c.left(), c.y(), kAccent);
  c.advance(title_h + 8);

  Plot plot(c, chart, plot_x, c.y(), plot_w, kPlotHeight);
  cairo_save(c.cr());
  plot.axes();
  if (chart.kind == "line") plot.lines();
  else plot.bars(chart.kind == "stacked");
  plot.reference();
  cairo_restore(c.cr());
  c.advance(kPlotHeight + 30);
  legend(c, chart, c.left(), c.y(), c.width(), true);
  c.advance(legend_h + 10);
}

}  // namespace stegvis::reports
