// The report as an A4 PDF: title and period, every table (headings repeated
// after a page break, numbers right-aligned in Swedish format, "<5" for a
// suppressed count), the charts, the notes and "Sida n av N" on every page.
// Column widths follow the content; a document whose widest table does not fit
// a portrait page at a readable size is laid out in landscape. Rendered twice:
// the first pass counts the pages.
#include <cairo-pdf.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "reports/pdf_canvas.hpp"
#include "reports/pdf_chart.hpp"
#include "reports/swedish_format.hpp"
#include "reports/writers.hpp"

namespace stegvis::reports {
namespace {

constexpr double kPad = 6;    // between columns
constexpr double kSlack = 1.5;  // pango rounds widths to its units: a word measured to fit must still fit
constexpr double kMinFont = 6.5, kMaxFont = 10;

std::string font(double size, bool bold) {
  return std::string(bold ? "DejaVu Sans Bold " : "DejaVu Sans ") + std::to_string(size);
}

// The widest single word of a heading: it may wrap between words, never inside one.
double widest_word(const PdfCanvas& c, const std::string& text, const std::string& font_name) {
  double widest = 0;
  std::string word;
  for (char ch : text + " ") {
    if (ch != ' ') {
      word += ch;
      continue;
    }
    if (!word.empty()) widest = std::max(widest, PdfCanvas::natural_width(c.layout(word, font_name, 0).get()));
    word.clear();
  }
  return widest;
}

struct TableLayout {
  double font_size = kMaxFont;
  std::vector<double> widths;
  std::vector<bool> numeric;
  bool fits = false;
};

std::size_t column_count(const ReportTable& t) {
  std::size_t n = t.headings.size();
  for (const auto& row : t.rows) n = std::max(n, row.size());
  return n;
}

// Each column gets at least its widest cell and its longest heading word; what
// is left of the page goes to the columns whose headings would otherwise wrap.
TableLayout fit_table(const PdfCanvas& c, const ReportTable& t, double available) {
  std::size_t n = column_count(t);
  TableLayout out;
  out.numeric.assign(n, false);
  for (const auto& row : t.rows)
    for (std::size_t i = 0; i < row.size(); ++i)
      if (is_numeric(row[i])) out.numeric[i] = true;
  for (double size = kMaxFont; size >= kMinFont; size -= 0.5) {
    std::vector<double> min(n, 0), want(n, 0);
    for (const auto& row : t.rows)
      for (std::size_t i = 0; i < row.size(); ++i) {
        auto l = c.layout(cell_text_sv(row[i], true), font(size, false), 0);
        min[i] = std::max(min[i], PdfCanvas::natural_width(l.get()) + kPad + kSlack);
      }
    for (std::size_t i = 0; i < t.headings.size(); ++i) {
      auto whole = c.layout(t.headings[i], font(size, true), 0);
      min[i] = std::max(min[i], widest_word(c, t.headings[i], font(size, true)) + kPad + kSlack);
      want[i] = PdfCanvas::natural_width(whole.get()) + kPad + kSlack;
    }
    // Text columns (names of groups) wrap too when they are very long.
    for (std::size_t i = 0; i < n; ++i) {
      if (!out.numeric[i]) min[i] = std::min(min[i], available * 0.35);
      want[i] = std::max(want[i], min[i]);
    }
    double sum_min = std::accumulate(min.begin(), min.end(), 0.0);
    double sum_want = std::accumulate(want.begin(), want.end(), 0.0);
    out.font_size = size;
    if (sum_want <= available) {
      out.widths = want;
      out.fits = true;
      return out;
    }
    if (sum_min <= available) {
      double share = (available - sum_min) / (sum_want - sum_min);
      out.widths.resize(n);
      for (std::size_t i = 0; i < n; ++i) out.widths[i] = min[i] + (want[i] - min[i]) * share;
      out.fits = true;
      return out;
    }
    out.widths = min;
  }
  // Still too wide at the smallest size: shrink every column alike (text wraps inside).
  double sum = std::accumulate(out.widths.begin(), out.widths.end(), 0.0);
  for (auto& w : out.widths) w *= available / sum;
  return out;
}

class TableWriter {
 public:
  TableWriter(PdfCanvas& c, const ReportTable& t) : c_(c), t_(t), layout_(fit_table(c, t, c.width())) {}

  void write() {
    auto title = c_.layout(t_.title, "DejaVu Sans Bold 14", c_.width());
    double title_h = PdfCanvas::height(title.get());
    c_.advance(10);
    // The title stays with the headings and the first row.
    c_.need(title_h + 4 + 3 * row_height(t_.headings, true) + 6);
    c_.draw(title.get(), c_.left(), c_.y(), kAccent);
    c_.advance(title_h + 4);
    c_.set_on_new_page([this] {
      auto cont = c_.layout(t_.title + " (forts.)", font(layout_.font_size, true), c_.width());
      c_.draw(cont.get(), c_.left(), c_.y(), kMuted);
      c_.advance(PdfCanvas::height(cont.get()) + 3);
      row(t_.headings, true, false);
    });
    row(t_.headings, true, false);
    for (std::size_t r = 0; r < t_.rows.size(); ++r) {
      std::vector<std::string> cells;
      for (const auto& cell : t_.rows[r]) cells.push_back(cell_text_sv(cell, true));
      row(cells, false, r % 2 == 1);
    }
    c_.set_on_new_page(nullptr);
    if (!t_.note.empty()) {
      c_.advance(3);
      c_.block(t_.note, "DejaVu Sans 8.5", kMuted);
    }
  }

 private:
  std::vector<LayoutPtr> layouts(const std::vector<std::string>& cells, bool header) const {
    std::vector<LayoutPtr> out;
    for (std::size_t i = 0; i < cells.size() && i < layout_.widths.size(); ++i) {
      PangoAlignment align = layout_.numeric[i] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      out.push_back(c_.layout(cells[i], font(layout_.font_size, header), layout_.widths[i] - kPad, align));
    }
    return out;
  }

  double row_height(const std::vector<std::string>& cells, bool header) const {
    double h = 0;
    for (const auto& l : layouts(cells, header)) h = std::max(h, PdfCanvas::height(l.get()));
    return h + 4;
  }

  void row(const std::vector<std::string>& cells, bool header, bool shaded) {
    auto ls = layouts(cells, header);
    double h = 0;
    for (const auto& l : ls) h = std::max(h, PdfCanvas::height(l.get()));
    h += 4;
    if (!header) c_.need(h);  // a break repeats the headings through on_new_page
    double total = std::accumulate(layout_.widths.begin(), layout_.widths.end(), 0.0);
    cairo_t* cr = c_.cr();
    if (shaded) {
      c_.set_colour(kShade);
      cairo_rectangle(cr, c_.left(), c_.y(), total, h);
      cairo_fill(cr);
    }
    double x = c_.left();
    for (std::size_t i = 0; i < ls.size(); ++i) {
      double inset = layout_.numeric[i] ? kPad / 2 : 0;
      c_.draw(ls[i].get(), x + inset, c_.y() + 2, kInk);
      x += layout_.widths[i];
    }
    c_.advance(h);
    c_.set_colour(header ? kMuted : kRule);
    cairo_set_line_width(cr, header ? 0.7 : 0.3);
    cairo_move_to(cr, c_.left(), c_.y());
    cairo_line_to(cr, c_.left() + total, c_.y());
    cairo_stroke(cr);
  }

  PdfCanvas& c_;
  const ReportTable& t_;
  TableLayout layout_;
};

int render(cairo_surface_t* surface, const ReportDocument& doc, bool landscape, int total_pages) {
  cairo_t* cr = cairo_create(surface);
  std::string head = doc.title + (doc.subtitle.empty() ? "" : " · " + doc.subtitle);
  PdfCanvas c(cr, landscape, head, total_pages);
  c.block(doc.title, "DejaVu Sans Bold 24", kAccent);
  c.advance(4);
  if (!doc.subtitle.empty()) c.block(doc.subtitle, "DejaVu Sans 13", kInk);
  c.advance(6);
  for (const auto& table : doc.tables) TableWriter(c, table).write();
  for (const auto& chart : doc.charts) {
    c.advance(14);
    draw_chart(c, chart);
  }
  if (!doc.notes.empty()) {
    c.advance(12);
    c.block("Anmärkningar", "DejaVu Sans Bold 14", kAccent);
    c.advance(3);
    for (const auto& note : doc.notes) {
      c.paragraph(note, "DejaVu Sans 10", kInk);
      c.advance(3);
    }
  }
  int pages = c.finish();
  cairo_destroy(cr);
  return pages;
}

// Landscape when some table cannot be set in portrait at 8.5 points or more.
bool needs_landscape(const ReportDocument& doc) {
  cairo_surface_t* probe = cairo_pdf_surface_create_for_stream(nullptr, nullptr, PdfCanvas::kA4Short, PdfCanvas::kA4Long);
  cairo_t* cr = cairo_create(probe);
  PdfCanvas c(cr, false, "", 0);
  bool wide = std::any_of(doc.tables.begin(), doc.tables.end(), [&](const ReportTable& t) {
    TableLayout l = fit_table(c, t, c.width());
    return !l.fits || l.font_size < 8.5;
  });
  cairo_destroy(cr);
  cairo_surface_destroy(probe);
  return wide;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string to_pdf(const ReportDocument& doc) {
  bool landscape = needs_landscape(doc);
  double w = landscape ? PdfCanvas::kA4Long : PdfCanvas::kA4Short;
  double h = landscape ? PdfCanvas::kA4Short : PdfCanvas::kA4Long;

  cairo_surface_t* counting = cairo_pdf_surface_create_for_stream(nullptr, nullptr, w, h);
  int pages = render(counting, doc, landscape, 0);
  cairo_surface_destroy(counting);

  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, w, h);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Stegvis");
  render(surface, doc, landscape, pages);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(status));
  return out;
}

}  // namespace stegvis::reports
