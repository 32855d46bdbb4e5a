#include "reports/pdf_page_writer.hpp"

namespace stegvis::reports::pdf {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

int draw_on(cairo_surface_t* surface, const std::function<int(cairo_t*, int)>& draw, int total) {
  cairo_t* cr = cairo_create(surface);
  int pages = draw(cr, total);
  cairo_destroy(cr);
  return pages;
}

}  // namespace

std::string render_two_pass(const std::string& title, const std::function<int(cairo_t*, int)>& draw) {
  cairo_surface_t* counting = cairo_pdf_surface_create_for_stream(discard, nullptr, kPageWidth, kPageHeight);
  int pages = draw_on(counting, draw, 0);
  cairo_surface_destroy(counting);

  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Stegvis");
  draw_on(surface, draw, pages);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(status));
  return out;
}

}  // namespace stegvis::reports::pdf
