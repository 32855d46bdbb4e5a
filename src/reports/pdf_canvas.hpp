// A small page writer over cairo + pango for the report PDFs: A4 pages (portrait
// or landscape), plain-text layouts in DejaVu Sans, a running head on every page
// after the first and the footer "Sida n av N". The caller asks for room before
// it draws (need()); a block that does not fit starts a new page.
#pragma once
#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <string>

namespace stegvis::reports {

struct Rgb {
  double r, g, b;
};

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

class PdfCanvas {
 public:
  static constexpr double kA4Short = 595.276;  // points
  static constexpr double kA4Long = 841.890;
  static constexpr double kMargin = 48;

  PdfCanvas(cairo_t* cr, bool landscape, std::string running_head, int total_pages);

  cairo_t* cr() const { return cr_; }
  double left() const { return kMargin; }
  double width() const { return page_width() - 2 * kMargin; }
  double top() const { return kMargin; }
  double bottom() const { return page_height() - kMargin - 24; }  // the footer lives below
  double y() const { return y_; }
  void advance(double pt) { y_ += pt; }
  int page() const { return page_; }

  // Plain text (never markup), wrapped at width; align is a PangoAlignment.
  LayoutPtr layout(const std::string& text, const std::string& font, double width,
                   PangoAlignment align = PANGO_ALIGN_LEFT) const;
  static double height(PangoLayout* l);
  static double natural_width(PangoLayout* l);
  void draw(PangoLayout* l, double x, double y, Rgb colour);
  // Draws a block at the current position and moves below it; on a new page when it does not fit.
  void block(const std::string& text, const std::string& font, Rgb colour, double indent = 0);
  // Long text broken between lines across pages.
  void paragraph(const std::string& text, const std::string& font, Rgb colour);

  // Starts a new page unless h points fit; on_new_page() is called after the page break.
  bool need(double h);
  void set_on_new_page(std::function<void()> f) { on_new_page_ = std::move(f); }
  void new_page();
  int finish();  // ends the last page; the number of pages

  void set_colour(Rgb c) { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }

 private:
  double page_width() const { return landscape_ ? kA4Long : kA4Short; }
  double page_height() const { return landscape_ ? kA4Short : kA4Long; }
  void footer();

  cairo_t* cr_;
  bool landscape_;
  std::string running_head_;
  int total_;
  int page_ = 1;
  double y_;
  std::function<void()> on_new_page_;
};

inline constexpr Rgb kInk{0.1, 0.1, 0.1};
inline constexpr Rgb kAccent{0.09, 0.27, 0.45};
inline constexpr Rgb kMuted{0.4, 0.4, 0.4};
inline constexpr Rgb kRule{0.75, 0.75, 0.75};
inline constexpr Rgb kShade{0.95, 0.96, 0.97};

}  // namespace stegvis::reports
