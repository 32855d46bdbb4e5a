#include "app/annual_report_service.hpp"

#include <algorithm>
#include <cmath>

#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "domain/validation.hpp"
#include "reports/annual_report_pdf.hpp"
#include "reports/money_documents.hpp"
#include "reports/swedish_format.hpp"

namespace stegvis::app {
bool may_view_annual(const Actor& a) {
  return a.has_role(Role::forbundschef) || a.has_role(Role::insatsansvarig) || a.has_role(Role::styrgrupp);
}

const std::vector<std::pair<std::string, std::string>>& annual_section_titles() {
  static const std::vector<std::pair<std::string, std::string>> t{
      {"sammanfattning", "Sammanfattning"},
      {"verksamheten", "Verksamheten under året"},
      {"samverkan", "Samverkan mellan parterna"},
      {"horisontella_principer", "Horisontella principer"},
      {"larande", "Lärande och utveckling"},
      {"framat", "Inför nästa år"},
  };
  return t;
}

Result<AnnualReport> AnnualReportService::build(const Actor& actor, Id programme_id, int year) {
  if (year < 2000 || year > 2100) return invalid("year", "Ange året som fyra siffror, till exempel 2025.");
  if (!may_view_annual(actor)) {
    record_standalone(env_, actor, "access.denied", "annual_report", std::to_string(programme_id));
    return forbidden("Helårsrapporten är till för förbundschefen, insatsansvarig och styrgruppen.");
  }
  AnnualReport r;
  r.year = year;
  r.may_edit = may_manage_plan(actor);
  PeriodReportRequest req;
  req.programme_id = programme_id;
  req.from = std::to_string(year) + "-01-01";
  req.to = std::to_string(year) + "-12-31";
  std::string today = today_string(env_);
  if (req.to > today && req.from <= today) req.to = today;  // the year so far
  req.group_by = "gender";
  req.format = "pdf";  // an export: small cells suppressed whoever reads it
  auto period = ReportService(env_).period_report(actor, req);
  if (!period) return period.error();
  r.period = std::move(*period);
  auto plan = PlanService(env_).activity_plan(actor, programme_id);
  if (!plan) return plan.error();
  for (auto& row : *plan)
    if (semester_end(row.item.semester) && semester_end(row.item.semester)->year == year) r.activity_plan.push_back(row);
  // The economy as the money pages show it; readers without money access get the rest of the report.
  if (MoneyService::may_view_all(actor)) {
    auto economy = MoneyService(env_).economy(actor, programme_id, year);
    if (economy) r.economy = std::move(*economy);
  }
  // Questionnaire rounds of the programme that closed in the year (the results page's rules apply).
  {
    QuestionnaireService qs(env_);
    const std::string y = std::to_string(year);
    if (auto list = qs.list(actor))
      for (const auto& q : *list) {
        auto view = qs.get(actor, q.id);
        if (!view) continue;
        for (const auto& rv : view->rounds) {
          if (rv.round.programme_id != programme_id || rv.state != RoundState::closed) continue;
          if (rv.round.closes.compare(0, 4, y) != 0) continue;
          auto res = qs.results(actor, q.id, rv.round.id);
          if (res) r.surveys.push_back({q.id, rv.round.id, q.name, rv.unit, rv.round.closes, res->results});
        }
      }
    std::stable_sort(r.surveys.begin(), r.surveys.end(),
                     [](const AnnualSurvey& a, const AnnualSurvey& b) { return a.closes < b.closes; });
  }
  for (const auto& t : diary_themes()) r.diary_themes[t] = 0;
  {
    auto tx = env_.db.begin(false);
    for (auto& e : tx->governance().programme_diary_entries(programme_id, year)) {
      for (const auto& t : e.themes) ++r.diary_themes[t];
      if (e.for_annual_report) {
        e.author_id = 0;
        e.author_name.clear();  // the report carries what the team wrote, not who
        r.marked.push_back(std::move(e));
      }
    }
    if (auto s = tx->governance().annual_sections(programme_id, year)) r.sections = *s;
  }
  return r;
}

Status AnnualReportService::save_sections(const Actor& actor, Id programme_id, int year,
                                          const std::map<std::string, std::string>& texts) {
  if (year < 2000 || year > 2100) return invalid("year", "Ange året som fyra siffror, till exempel 2025.");
  if (!may_manage_plan(actor)) {
    record_standalone(env_, actor, "access.denied", "annual_report", std::to_string(programme_id));
    return forbidden("Helårsrapportens texter skrivs av insatsansvarig eller förbundschefen.");
  }
  const auto& titles = annual_section_titles();
  for (const auto& [code, text] : texts) {
    if (std::none_of(titles.begin(), titles.end(), [&](const auto& t) { return t.first == code; }))
      return invalid("sections", "Okänt avsnitt \"" + code + "\" i helårsrapporten.");
    if (auto e = check_text("sections." + code, text, 20000, false)) return *e;
  }
  auto tx = env_.db.begin(true);
  if (!tx->organisation().programme(programme_id)) return not_found("Insatsen finns inte.");
  auto current = tx->governance().annual_sections(programme_id, year);
  store::AnnualSections next{current ? current->version + 1 : 1, texts, actor.name};
  tx->governance().add_annual_sections(programme_id, year, next, actor.user_id, env_.now());
  record(*tx, env_.now(), actor, "annual_report.save", "programme", std::to_string(programme_id),
         std::to_string(year) + " version " + std::to_string(next.version));
  tx->commit();
  return done();
}

Result<std::string> AnnualReportService::pdf(const Actor& actor, Id programme_id, int year) {
  auto r = build(actor, programme_id, year);
  if (!r) return r.error();
  reports::AnnualReportDocument d;
  d.programme = r->period.programme.name;
  d.year = year;
  for (const auto& [code, title] : annual_section_titles()) {
    auto it = r->sections.texts.find(code);
    d.sections.emplace_back(title, it == r->sections.texts.end() ? "" : it->second);
  }
  d.report = r->period.report;
  d.targets = r->period.targets;
  d.suppressed = r->period.suppressed;
  for (const auto& a : r->activity_plan)
    d.activities.push_back({a.item.semester, a.item.activity, activity_status_label(a.item.status) +
                                                                   (a.overdue ? " (försenad)" : "")});
  for (const auto& s : r->surveys) {
    reports::AnnualReportDocument::Survey out;
    out.title = s.questionnaire + " – " + (s.unit.empty() ? "hela insatsen" : s.unit) + " (stängd " + s.closes + ")";
    out.note = std::to_string(s.results.responses) + " svar" +
               (s.results.suppressed ? ", färre än 5: inga siffror visas." : ". Skalans ändar står i enkäten.");
    if (!s.results.suppressed)
      for (const auto& i : s.results.items) {
        if (i.item.kind == ItemKind::text) continue;
        bool hidden = i.suppressed || !i.mean;
        out.items.push_back({i.item.text + " (" + std::to_string(i.item.min) + "–" + std::to_string(i.item.max) + ")",
                             std::to_string(i.count),
                             hidden ? "dolt" : reports::format_number_sv(std::round(*i.mean * 10) / 10, false)});
      }
    d.surveys.push_back(std::move(out));
  }
  if (r->economy) {
    const auto kr = [](Ore ore) { return reports::cell_text_sv(reports::kronor_cell(ore), true); };
    const auto& e = r->economy->economy;
    for (const auto& l : e.lines)
      d.economy.push_back({l.name, l.has_budget ? kr(l.budget) : "–", kr(l.actual), kr(l.forecast)});
    d.economy.push_back({"Totalt", e.totals.has_budget ? kr(e.totals.budget) : "–", kr(e.totals.actual),
                         kr(e.totals.forecast)});
    const auto& b = r->economy->budget;
    d.economy_note = (b ? std::string(b->approved() ? "Budgeten är beslutad" : "Budgeten är ett utkast") +
                              " (version " + std::to_string(b->version) + "). "
                        : std::string("Ingen budget för året. ")) +
                     "Prognosen är utfallet hittills plus resten av året i den takt som setts (" +
                     std::to_string(e.observed_months) + " månader med utfall).";
  }
  for (const auto& [t, n] : r->diary_themes) d.diary_themes.emplace_back(diary_theme_label(t), n);
  for (const auto& e : r->marked) {
    std::string themes;
    for (const auto& t : e.themes) themes += (themes.empty() ? "" : ", ") + diary_theme_label(t);
    d.marked.push_back({e.week, themes, e.text});
  }
  d.printed_on = today_string(env_);
  record_standalone(env_, actor, "annual_report.pdf", "programme", std::to_string(programme_id), std::to_string(year));
  return reports::render_annual_report_pdf(d);
}

}  // namespace stegvis::app
