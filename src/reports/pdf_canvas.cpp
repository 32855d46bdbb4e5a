#include "reports/pdf_canvas.hpp"

namespace stegvis::reports {

PdfCanvas::PdfCanvas(cairo_t* cr, bool landscape, std::string running_head, int total_pages)
    : cr_(cr), landscape_(landscape), running_head_(std::move(running_head)), total_(total_pages), y_(kMargin) {}

LayoutPtr PdfCanvas::layout(const std::string& text, const std::string& font, double width,
                            PangoAlignment align) const {
  LayoutPtr l(pango_cairo_create_layout(cr_));
  // Font sizes in real points: pango's default 96 dpi would draw "10" as 13.3 pt on a PDF page.
  pango_cairo_context_set_resolution(pango_layout_get_context(l.get()), 72);
  pango_layout_context_changed(l.get());
  PangoFontDescription* fd = pango_font_description_from_string(font.c_str());
  pango_layout_set_font_description(l.get(), fd);
  pango_font_description_free(fd);
  if (width > 0) {
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(l.get(), align);
  pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
  return l;
}

double PdfCanvas::height(PangoLayout* l) {
  int w = 0, h = 0;
  pango_layout_get_size(l, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

double PdfCanvas::natural_width(PangoLayout* l) {
  PangoRectangle ink, logical;
  pango_layout_get_extents(l, &ink, &logical);
  return static_cast<double>(logical.width) / PANGO_SCALE;
}

void PdfCanvas::draw(PangoLayout* l, double x, double y, Rgb colour) {
  set_colour(colour);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, l);
}

void PdfCanvas::block(const std::string& text, const std::string& font, Rgb colour, double indent) {
  auto l = layout(text, font, width() - indent);
  double h = height(l.get());
  need(h);
  draw(l.get(), left() + indent, y_, colour);
  y_ += h;
}

void PdfCanvas::paragraph(const std::string& text, const std::string& font, Rgb colour) {
  auto l = layout(text, font, width());
  PangoLayoutIter* it = pango_layout_get_iter(l.get());
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    double line_height = static_cast<double>(logical.height) / PANGO_SCALE;
    double baseline = static_cast<double>(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
    need(line_height);
    set_colour(colour);
    cairo_move_to(cr_, left(), y_ + baseline);
    pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
    y_ += line_height;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

bool PdfCanvas::need(double h) {
  if (y_ + h <= bottom() || y_ <= top()) return false;
  new_page();
  return true;
}

void PdfCanvas::new_page() {
  footer();
  cairo_show_page(cr_);
  ++page_;
  y_ = top();
  auto head = layout(running_head_, "DejaVu Sans 8", width());
  draw(head.get(), left(), y_, kMuted);
  y_ += height(head.get()) + 10;
  if (on_new_page_) on_new_page_();
}

int PdfCanvas::finish() {
  footer();
  cairo_show_page(cr_);
  return page_;
}

void PdfCanvas::footer() {
  double y = bottom() + 12;
  set_colour(kRule);
  cairo_set_line_width(cr_, 0.5);
  cairo_move_to(cr_, left(), y);
  cairo_line_to(cr_, left() + width(), y);
  cairo_stroke(cr_);
  std::string number = "Sida " + std::to_string(page_) + (total_ > 0 ? " av " + std::to_string(total_) : "");
  auto right = layout(number, "DejaVu Sans 8", 90, PANGO_ALIGN_RIGHT);
  draw(right.get(), left() + width() - 90, y + 4, kMuted);
}

}  // namespace stegvis::reports
