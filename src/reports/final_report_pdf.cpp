// The final document as PDF: a small page writer over pango (paragraph
// layout, line-by-line page breaks, running head and footer) and the
// composition of the document's sections on top of it. Rendered twice: the
// first pass only counts the pages, so that every footer can say "Sida n av N".
#include "reports/final_report_pdf.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "domain/date.hpp"
#include "domain/vocabulary.hpp"

namespace stegvis::reports {
namespace {

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

std::string format_personal_number(const std::string& canonical) {
  if (canonical.size() != 12) return canonical;
  return canonical.substr(0, 8) + "-" + canonical.substr(8);
}

std::string labels(const std::vector<Term>& list, const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + label_of(list, c);
  return out;
}

std::string period(const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return "";
  return from + " – " + to;
}

std::string time_in_programme(const Enrolment& e) {
  auto start = parse_date(e.start_date), exit = parse_date(e.exit_date);
  if (!start || !exit) return "";
  int days = days_between(*start, *exit);
  int months = (days + 15) / 30;
  std::string out = std::to_string(days) + (days == 1 ? " dag" : " dagar");
  if (months >= 1) out += " (cirka " + std::to_string(months) + (months == 1 ? " månad)" : " månader)");
  return out;
}

void write_participant(PageWriter& w, const FinalReportDocument& d) {
  const Enrolment& e = d.enrolment;
  w.heading("Deltagare och period");
  if (e.anonymous || !d.identity) {
    w.field("Deltagare", "Anonym registrering");
    w.field("Kön och födelseår", label_of(genders(), e.gender) + ", " + std::to_string(e.birth_year));
  } else {
    std::string name = d.identity->first_name + " " + d.identity->last_name;
    w.field("Deltagare", name.find_first_not_of(' ') == std::string::npos ? "(namn saknas)" : name);
    w.field("Personnummer", format_personal_number(d.identity->personal_number));
  }
  w.field("Period", period(e.start_date, e.exit_date));
  w.field("Tid i insatsen", time_in_programme(e));
  w.field("Remitterande part", d.referring_party);
  w.field("Handläggare hos parten", d.referrer_name);
  w.field("Coach/koordinator", d.staff_name.empty() ? "Ej fördelad" : d.staff_name);
  w.field("Personuppgiftsansvarig", d.controller);
}

void write_plan(PageWriter& w, const FinalReportDocument& d) {
  w.heading("Handlingsplan");
  if (!d.plan) {
    w.paragraph("Ingen handlingsplan registrerades.");
    return;
  }
  const Plan& p = *d.plan;
  w.paragraph("Version " + std::to_string(p.version) + (p.saved_on.empty() ? "" : ", sparad " + p.saved_on) + ".", 0,
              kSmall, kMuted);
  w.subheading("Problem- och målformulering");
  w.paragraph(p.problem.empty() ? "Ingen formulering angiven." : p.problem, kIndent);
  w.subheading("Mål");
  if (p.goals.empty()) w.paragraph("Inga mål angivna.", kIndent);
  for (const auto& g : p.goals) {
    w.subheading(label_of(goal_areas(), g.area), kIndent);
    w.paragraph(g.text, 2 * kIndent);
  }
  w.subheading("Aktiviteter");
  if (p.activities.empty()) w.paragraph("Inga aktiviteter angivna.", kIndent);
  for (const auto& a : p.activities) {
    std::string when = a.end.empty() ? "från " + a.start : period(a.start, a.end);
    w.subheading(label_of(activity_kinds(), a.kind) + " · " + when, kIndent);
    std::string details;
    if (!a.workplace.empty()) details += "Arbetsplats: " + a.workplace;
    if (a.party_id) {
      auto it = d.party_names.find(*a.party_id);
      if (it != d.party_names.end())
        details += (details.empty() ? "" : " · ") + std::string("Ansvarig part: ") + it->second;
    }
    if (!a.text.empty()) w.paragraph(a.text, 2 * kIndent);
    if (!details.empty()) w.paragraph(details, 2 * kIndent, kBody, kMuted);
  }
}

void write_path(PageWriter& w, const FinalReportDocument& d) {
  w.heading("Vägen genom insatsen");
  int minutes = 0;
  std::vector<std::pair<std::string, int>> by_kind;
  for (const auto& term : contact_kinds()) by_kind.push_back({term.label_sv, 0});
  for (const auto& c : d.contacts) {
    minutes += c.minutes;
    for (std::size_t i = 0; i < contact_kinds().size(); ++i)
      if (contact_kinds()[i].code == c.kind) ++by_kind[i].second;
  }
  std::string contacts = std::to_string(d.contacts.size()) + (d.contacts.size() == 1 ? " kontakt" : " kontakter");
  if (!d.contacts.empty()) {
    std::string kinds;
    for (const auto& [label, n] : by_kind)
      if (n) kinds += (kinds.empty() ? "" : ", ") + label + " " + std::to_string(n);
    contacts += " (" + kinds + "), sammanlagt cirka " + std::to_string((minutes + 30) / 60) + " timmar";
  }
  w.field("Kontakter", contacts);

  std::vector<FollowUp> fus = d.follow_ups;
  std::sort(fus.begin(), fus.end(), [](const FollowUp& a, const FollowUp& b) { return a.date < b.date; });
  std::string follow_ups = std::to_string(fus.size()) + (fus.size() == 1 ? " uppföljning" : " uppföljningar");
  if (!fus.empty()) {
    std::string dates;
    for (const auto& f : fus)
      dates += (dates.empty() ? "" : ", ") + f.date + (f.with_referrer ? " (med remittent)" : "");
    follow_ups += ": " + dates;
  }
  w.field("Uppföljningar", follow_ups);
}

void write_outcome(PageWriter& w, const FinalReportDocument& d) {
  const Enrolment& e = d.enrolment;
  w.heading("Resultat vid avslut");
  w.field("Utfall", e.outcome.empty() ? "" : label_of(exit_outcomes(), e.outcome));
  w.field("Försörjning före", labels(income_sources(), e.income_before));
  w.field("Försörjning efter", labels(income_sources(), e.income_after));
  if (!e.occupation_after.empty()) w.field("Sysselsättning efter", label_of(occupations(), e.occupation_after));

  w.subheading("Skattning per målområde (1–5), start → avslut");
  w.space(2);
  const std::vector<double> widths{kWidth - 150, 75, 75};
  w.row({"Målområde", "Start", "Avslut"}, widths, true);
  bool any = false;
  for (const auto& area : goal_areas()) {
    std::string start = "–", exit = "–";
    for (const auto& r : d.goal_ratings) {
      if (r.area != area.code) continue;
      (r.phase == "start" ? start : exit) = std::to_string(r.rating);
      any = true;
    }
    if (start == "–" && exit == "–") continue;
    w.row({area.label_sv, start, exit}, widths, false);
  }
  if (!any) w.paragraph("Inga skattningar registrerades.", 0, kBody, kMuted);

  w.heading("Rekommenderat nästa steg");
  w.paragraph(e.next_step.empty() ? "Inget nästa steg angivet." : e.next_step);
  if (!e.final_report_sent_on.empty()) {
    std::string to;
    for (const auto& r : e.final_report_to)
      to += (to.empty() ? "" : " och ") + std::string(r == "participant" ? "deltagaren" : "remittenten");
    w.space(6);
    w.paragraph("Skickad " + e.final_report_sent_on + (to.empty() ? "" : " till " + to) + ".", 0, kBody, kMuted);
  }
}

int render(cairo_surface_t* surface, const FinalReportDocument& d, int total_pages) {
  cairo_t* cr = cairo_create(surface);
  std::string who = d.enrolment.anonymous || !d.identity ? "Anonym registrering"
                                                         : d.identity->first_name + " " + d.identity->last_name;
  std::string footer = "Skickas till deltagaren och remittenten inom tre veckor efter avslut." +
                       (d.final_report_due.empty() ? "" : "\nSista dag att skicka: " + d.final_report_due + ".");
  PageWriter w(cr, "Slutdokumentation · " + d.programme + " · " + who, footer, total_pages);
  w.title("Slutdokumentation");
  w.subtitle(d.association);
  std::string programme = d.programme + (d.track.empty() ? "" : ", inriktning " + d.track);
  w.subtitle(programme);
  w.subtitle("Länsdel " + d.unit + (d.municipality.empty() ? "" : " · " + d.municipality));
  if (!d.printed_on.empty()) {
    w.space(4);
    w.paragraph("Utskriven " + d.printed_on, 0, kSmall, kMuted);
  }
  write_participant(w, d);
  write_plan(w, d);
  write_path(w, d);
  write_outcome(w, d);
  int pages = w.finish();
  cairo_destroy(cr);
  return pages;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

}  // namespace

std::string render_final_report_pdf(const FinalReportDocument& doc) {
  // First pass: count the pages.
  cairo_surface_t* counting = cairo_pdf_surface_create_for_stream(discard, nullptr, kPageWidth, kPageHeight);
  int pages = render(counting, doc, 0);
  cairo_surface_destroy(counting);

  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Slutdokumentation");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Stegvis");
  render(surface, doc, pages);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(status));
  return out;
}

}  // namespace stegvis::reports
