// A small PDF page writer over pango and cairo: paragraph layout, line-by-line
// page breaks, a running head and a footer with "Sida n av N". Shared by the
// PDF documents (final document, register extract); included by their .cpp only.
#pragma once
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace stegvis::reports::pdf {

constexpr double kPageWidth = 595.276;  // A4 in points
constexpr double kPageHeight = 841.890;
constexpr double kMargin = 56.7;  // 20 mm
constexpr double kTop = kMargin;
constexpr double kBottom = kPageHeight - kMargin - 30;  // the footer lives below
constexpr double kWidth = kPageWidth - 2 * kMargin;
constexpr double kLabelWidth = 195;
constexpr double kIndent = 14;

constexpr const char* kBody = "DejaVu Sans 10";
constexpr const char* kBold = "DejaVu Sans Bold 10";
constexpr const char* kSmall = "DejaVu Sans 8";
constexpr const char* kFooter = "DejaVu Sans 7.5";
constexpr const char* kHeading = "DejaVu Sans Bold 13";
constexpr const char* kTitle = "DejaVu Sans Bold 22";
constexpr const char* kSubtitle = "DejaVu Sans 11";

struct Rgb {
  double r, g, b;
};
constexpr Rgb kInk{0.1, 0.1, 0.1};
constexpr Rgb kAccent{0.09, 0.27, 0.45};
constexpr Rgb kMuted{0.4, 0.4, 0.4};
constexpr Rgb kRule{0.75, 0.75, 0.75};

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

class PageWriter {
 public:
  PageWriter(cairo_t* cr, std::string running_head, std::string footer, int total_pages)
      : cr_(cr), running_head_(std::move(running_head)), footer_(std::move(footer)), total_(total_pages) {}

  void title(const std::string& text) {
    auto l = make(text, kTitle, kWidth);
    draw_block(l.get(), kMargin, kAccent);
    y_ += 4;
  }

  void subtitle(const std::string& text) {
    auto l = make(text, kSubtitle, kWidth);
    draw_block(l.get(), kMargin, kInk);
  }

  // A section heading with a rule under it, kept together with what follows.
  void heading(const std::string& text) {
    y_ += 14;
    auto l = make(text, kHeading, kWidth);
    keep(height(l.get()) + 40);
    draw_block(l.get(), kMargin, kAccent);
    y_ += 2;
    set(kRule);
    cairo_set_line_width(cr_, 0.6);
    cairo_move_to(cr_, kMargin, y_);
    cairo_line_to(cr_, kMargin + kWidth, y_);
    cairo_stroke(cr_);
    y_ += 6;
  }

  void subheading(const std::string& text, double indent = 0) {
    y_ += 4;
    auto l = make(text, kBold, kWidth - indent);
    keep(height(l.get()) + 14);
    draw_block(l.get(), kMargin + indent, kInk);
  }

  // Running text, broken across pages between lines when it is long.
  void paragraph(const std::string& text, double indent = 0, const char* font = kBody, Rgb colour = kInk) {
    auto l = make(text, font, kWidth - indent);
    set(colour);
    flow(l.get(), kMargin + indent);
    y_ += 3;
  }

  // A label in the left column and its value beside it.
  void field(const std::string& label, const std::string& value) {
    auto left = make(label, kBold, kLabelWidth - 8);
    auto right = make(value.empty() ? "–" : value, kBody, kWidth - kLabelWidth);
    double h = std::max(height(left.get()), height(right.get()));
    if (h > kBottom - kTop) {  // longer than a page: the label above, the text flowing
      draw_block(left.get(), kMargin, kInk);
      paragraph(value, kIndent);
      return;
    }
    keep(h);
    set(kInk);
    draw_at(left.get(), kMargin, y_);
    draw_at(right.get(), kMargin + kLabelWidth, y_);
    y_ += h + 3;
  }

  // One row of a table: cells left to right in the given widths.
  void row(const std::vector<std::string>& cells, const std::vector<double>& widths, bool header) {
    std::vector<LayoutPtr> ls;
    double h = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      ls.push_back(make(cells[i], header ? kBold : kBody, widths[i] - 8));
      h = std::max(h, height(ls.back().get()));
    }
    keep(h + 4);
    set(kInk);
    double x = kMargin;
    for (std::size_t i = 0; i < ls.size(); ++i) {
      draw_at(ls[i].get(), x, y_ + 2);
      x += widths[i];
    }
    y_ += h + 4;
    set(kRule);
    cairo_set_line_width(cr_, header ? 0.6 : 0.3);
    cairo_move_to(cr_, kMargin, y_);
    cairo_line_to(cr_, x, y_);
    cairo_stroke(cr_);
  }

  void space(double pt) { y_ += pt; }

  // Ends the last page; the number of pages written.
  int finish() {
    draw_footer();
    cairo_show_page(cr_);
    return page_;
  }

 private:
  LayoutPtr make(const std::string& text, const char* font, double width) const {
    LayoutPtr l(pango_cairo_create_layout(cr_));
    PangoFontDescription* fd = pango_font_description_from_string(font);
    pango_layout_set_font_description(l.get(), fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));  // plain text, never markup
    return l;
  }

  static double height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void set(Rgb c) { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }

  void draw_at(PangoLayout* l, double x, double y) {
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
  }

  // A short block that must not be split: on the next page when it does not fit here.
  void draw_block(PangoLayout* l, double x, Rgb colour) {
    double h = height(l);
    keep(h);
    set(colour);
    draw_at(l, x, y_);
    y_ += h;
  }

  void keep(double h) {
    if (y_ + h > kBottom && y_ > kTop) new_page();
  }

  void flow(PangoLayout* l, double x) {
    PangoLayoutIter* it = pango_layout_get_iter(l);
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      double line_height = static_cast<double>(logical.height) / PANGO_SCALE;
      double baseline = static_cast<double>(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
      if (y_ + line_height > kBottom && y_ > kTop) {
        cairo_save(cr_);
        new_page();
        cairo_restore(cr_);  // keeps the paragraph's colour
      }
      cairo_move_to(cr_, x, y_ + baseline);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      y_ += line_height;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }

  void new_page() {
    draw_footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = kTop;
    auto head = make(running_head_, kSmall, kWidth);
    set(kMuted);
    draw_at(head.get(), kMargin, y_);
    y_ += height(head.get()) + 12;
  }

  void draw_footer() {
    double y = kBottom + 14;
    set(kRule);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kMargin, y);
    cairo_line_to(cr_, kMargin + kWidth, y);
    cairo_stroke(cr_);
    auto left = make(footer_, kFooter, kWidth - 70);
    std::string number = "Sida " + std::to_string(page_) + (total_ > 0 ? " av " + std::to_string(total_) : "");
    auto right = make(number, kFooter, 70);
    pango_layout_set_alignment(right.get(), PANGO_ALIGN_RIGHT);
    set(kMuted);
    draw_at(left.get(), kMargin, y + 5);
    draw_at(right.get(), kMargin + kWidth - 70, y + 5);
  }

  cairo_t* cr_;
  std::string running_head_, footer_;
  int total_ = 0;
  int page_ = 1;
  double y_ = kTop;
};

// Renders a document twice: the first pass only counts the pages, so that every footer can
// say "Sida n av N". draw(cr, total_pages) returns the number of pages it wrote.
std::string render_two_pass(const std::string& title, const std::function<int(cairo_t*, int)>& draw);

}  // namespace stegvis::reports::pdf
