// The page /programmes/{id}/ekonomi/bemanning: staffing financed per
// municipality and role against the staff registered (editable by the
// förbundschef and the ekonom), and the allocation key with its saved
// scenarios. Figures come from app::FinancingService; no participant data.
#include <cmath>

#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "reports/chart.hpp"
#include "reports/swedish_format.hpp"

namespace stegvis::http {
namespace {

std::string pct(double v) { return reports::format_number_sv(std::round(v * 10) / 10, true); }
std::string signed_pct(double v) { return (v > 0.05 ? "+" : "") + pct(v); }
std::string input_value(double v) { return v == 0 ? "" : reports::format_number_sv(std::round(v * 10) / 10, false); }

// "m12:coach" for a municipality's row, "p3:samordnare" for another party's.
std::string row_key(const app::FinancingPartyRow& p, Role role) {
  return (p.municipality_id ? "m" + std::to_string(*p.municipality_id) : "p" + std::to_string(p.party_id)) + ":" +
         std::string(to_code(role));
}

json role_rows(PageRenderer& pages, const Request& req, const app::FinancingPartyRow& p) {
  json rows = json::array();
  for (const auto& r : p.roles)
    rows.push_back({{"role", pages.text(req, "role_" + std::string(to_code(r.role)))},
                    {"association", pct(r.association_fte_pct)},
                    {"cofinancing", pct(r.cofinancing_fte_pct)},
                    {"financed", pct(r.staffing.financed_fte_pct)},
                    {"staffed", pct(r.staffing.staffed_fte_pct)},
                    {"difference", signed_pct(r.staffing.difference)},
                    {"differs", r.staffing.differs}});
  // Mustache shows a section for "" too: only a real note gets the key.
  for (std::size_t i = 0; i < p.roles.size(); ++i)
    if (!p.roles[i].note.empty()) rows[i]["note"] = p.roles[i].note;
  return rows;
}

// The editable rows: every municipality with koordinator and coach, and every other party's rows.
json edit_rows(PageRenderer& pages, const Request& req, const app::FinancingView& v) {
  json out = json::array();
  auto add = [&](const app::FinancingPartyRow& p, Role role) {
    const app::FinancingRoleRow* found = nullptr;
    for (const auto& r : p.roles)
      if (r.role == role) found = &r;
    std::string key = row_key(p, role);
    out.push_back({{"key", key},
                   {"label", p.name + " – " + pages.text(req, "role_" + std::string(to_code(role)))},
                   {"association", found ? input_value(found->association_fte_pct) : ""},
                   {"cofinancing", found ? input_value(found->cofinancing_fte_pct) : ""},
                   {"note", found ? found->note : ""}});
  };
  for (const auto& m : v.municipalities)
    for (Role role : {Role::koordinator, Role::coach}) add(m, role);
  for (const auto& o : v.other_parties)
    for (const auto& r : o.roles) add(o, r.role);
  return out;
}

json financing_view(PageRenderer& pages, const Request& req, const app::FinancingView& v) {
  json municipalities = json::array();
  for (const auto& m : v.municipalities)
    municipalities.push_back({{"name", m.name}, {"unit", m.unit}, {"roles", role_rows(pages, req, m)},
                              {"has_roles", !m.roles.empty()}});
  json others = json::array();
  for (const auto& o : v.other_parties) others.push_back({{"name", o.name}, {"roles", role_rows(pages, req, o)}});
  return {{"year", v.year},
          {"agreement_year", v.agreement_year ? json(*v.agreement_year) : json(nullptr)},
          {"has_agreement", v.agreement_year.has_value()},
          {"municipalities", municipalities},
          {"others", others},
          {"has_others", !others.empty()},
          {"totals",
           {{"association", pct(v.association_total)},
            {"cofinancing", pct(v.cofinancing_total)},
            {"financed", pct(v.association_total + v.cofinancing_total)},
            {"staffed", pct(v.staffed_total)},
            {"difference", signed_pct(v.staffed_total - v.association_total - v.cofinancing_total)}}},
          {"whole_programme", v.whole_programme},
          {"may_edit", v.may_edit},
          {"edit_rows", v.may_edit ? edit_rows(pages, req, v) : json::array()}};
}

json key_view(const app::AllocationKeyView& k) {
  json rows = json::array();
  reports::Chart chart;
  chart.title = "Förslag mot överenskommelse (tjänsteprocent)";
  reports::ChartSeries proposed{"Förslag", {}}, agreed{"Överenskommet", {}};
  for (const auto& r : k.key.rows) {
    rows.push_back({{"municipality", r.municipality},
                    {"population_share", pct(r.population_share * 100)},
                    {"socioeconomic_share", pct(r.socioeconomic_share * 100)},
                    {"proposed", pct(r.proposed_fte_pct)},
                    {"agreed", pct(r.agreed_fte_pct)},
                    {"difference", signed_pct(r.difference)},
                    {"residual", signed_pct(r.best_fit_residual)}});
    chart.labels.push_back(r.municipality);
    proposed.values.push_back(std::round(r.proposed_fte_pct * 10) / 10);
    agreed.values.push_back(r.agreed_fte_pct);
  }
  chart.series = {proposed, agreed};
  json scenarios = json::array();
  for (const auto& s : k.scenarios) {
    json proposal = json::parse(s.proposal, nullptr, false);
    json lines = json::array();
    if (proposal.is_array())
      for (const auto& r : proposal)
        lines.push_back({{"municipality", r.value("municipality", "")},
                         {"proposed", pct(r.value("proposed_fte_pct", 0.0))},
                         {"agreed", pct(r.value("agreed_fte_pct", 0.0))},
                         {"difference", signed_pct(r.value("difference", 0.0))}});
    scenarios.push_back({{"id", s.id},
                         {"name", s.name},
                         {"population_weight", pct(s.population_weight)},
                         {"socioeconomic_weight", pct(s.socioeconomic_weight)},
                         {"created", iso_time(s.created_at).substr(0, 10)},
                         {"lines", lines}});
  }
  return {{"population_weight", input_value(k.key.population_weight)},
          {"socioeconomic_weight", input_value(k.key.socioeconomic_weight)},
          {"population_weight_raw", k.key.population_weight},
          {"socioeconomic_weight_raw", k.key.socioeconomic_weight},
          {"best_population", pct(k.key.best_population_weight)},
          {"best_socioeconomic", pct(k.key.best_socioeconomic_weight)},
          {"rms", pct(k.key.best_fit_rms_fte_pct)},
          {"total", pct(k.key.total_fte_pct)},
          {"rows", rows},
          {"chart", reports::chart_json(chart)},
          {"scenarios", scenarios},
          {"has_scenarios", !scenarios.empty()},
          {"may_edit", k.may_edit}};
}

// A weight typed with a decimal comma or point; NaN when it is not a number.
std::optional<double> form_weight(const std::string& s) {
  if (s.empty()) return std::nullopt;
  std::string t = s;
  for (auto& c : t)
    if (c == ',') c = '.';
  try {
    std::size_t used = 0;
    double d = std::stod(t, &used);
    return used == t.size() ? d : std::nan("");
  } catch (const std::exception&) {
    return std::nan("");
  }
}

std::optional<int> form_year(const std::string& s) {
  try {
    std::size_t used = 0;
    int y = std::stoi(s, &used);
    if (used == s.size()) return y;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

struct PageState {
  std::string financing_error, key_error, notice;
  std::optional<double> population_weight, socioeconomic_weight;
};

Response render(app::Services& services, PageRenderer& pages, Request& req, Id id, const PageState& st,
                int status = 200) {
  std::optional<int> year = form_year(req.query_value("year"));
  if (!req.form_value("year").empty()) year = form_year(req.form_value("year"));
  auto f = services.financing.financing(*req.actor, id, year);
  if (!f) return error_response(pages, req, f.error());
  json view = financing_view(pages, req, *f);
  view["title"] = pages.text(req, "fin_title") + " – " + f->programme.name;
  view["programme"] = {{"id", f->programme.id}, {"name", f->programme.name}};
  if (!st.financing_error.empty()) view["financing_error"] = st.financing_error;
  if (!st.notice.empty()) view["notice"] = st.notice;
  if (app::FinancingService::may_view_key(*req.actor)) {
    auto pw = st.population_weight, sw = st.socioeconomic_weight;
    auto k = services.financing.allocation_key(*req.actor, id, pw, sw, year);
    if (!k && (pw || sw)) {  // show the best fit beside the message about the typed weights
      view["key_error"] = k.error().message;
      k = services.financing.allocation_key(*req.actor, id, std::nullopt, std::nullopt, year);
    }
    if (k) view["key"] = key_view(*k);
    else view["key_error"] = k.error().message;
  }
  if (!st.key_error.empty()) view["key_error"] = st.key_error;
  return pages.render(req, "financing", view.dump(), status);
}

std::vector<app::FinancingInput> rows_from_form(const Request& req, std::string& error) {
  std::vector<app::FinancingInput> rows;
  auto [b, e] = req.form().equal_range("row");
  for (auto it = b; it != e; ++it) {
    const std::string& key = it->second;
    auto colon = key.find(':');
    auto id = colon == std::string::npos ? std::nullopt : form_id(key.substr(1, colon - 1));
    auto role = colon == std::string::npos ? std::nullopt : role_from_code(key.substr(colon + 1));
    if (!id || !role || (key[0] != 'm' && key[0] != 'p')) continue;
    app::FinancingInput in;
    (key[0] == 'm' ? in.municipality_id : in.party_id) = *id;
    in.role = *role;
    in.note = req.form_value("n:" + key);
    auto a = form_weight(req.form_value("a:" + key)), c = form_weight(req.form_value("c:" + key));
    if ((a && std::isnan(*a)) || (c && std::isnan(*c))) {
      error = "Andelarna ska vara tal i procent, t.ex. 75 eller 37,5.";
      return {};
    }
    in.association_fte_pct = a.value_or(0);
    in.cofinancing_fte_pct = c.value_or(0);
    if (in.association_fte_pct == 0 && in.cofinancing_fte_pct == 0 && in.note.empty()) continue;
    rows.push_back(std::move(in));
  }
  return rows;
}

}  // namespace

void add_financing_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/programmes/{id}/ekonomi/bemanning", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    PageState st;
    st.population_weight = form_weight(req.query_value("population_weight"));
    st.socioeconomic_weight = form_weight(req.query_value("socioeconomic_weight"));
    if (req.query_value("saved") == "1") st.notice = pages.text(req, "fin_saved");
    if (req.query_value("scenario_saved") == "1") st.notice = pages.text(req, "fin_scenario_saved");
    if (req.query_value("scenario_deleted") == "1") st.notice = pages.text(req, "fin_scenario_deleted");
    return render(services, pages, req, *id, st);
  });
  router.add("POST", "/programmes/{id}/ekonomi/bemanning", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    if (auto s = services.financing.check_edit(*req.actor, *id); !s) return error_response(pages, req, s.error());
    PageState st;
    auto year = form_year(req.form_value("year"));
    if (!year) {
      st.financing_error = "Ange året som överenskommelsen gäller från.";
      return render(services, pages, req, *id, st, 400);
    }
    auto rows = rows_from_form(req, st.financing_error);
    if (!st.financing_error.empty()) return render(services, pages, req, *id, st, 400);
    auto r = services.financing.save_financing(*req.actor, *id, *year, rows);
    if (!r) {
      if (r.error().code == ErrorCode::not_found) return error_response(pages, req, r.error());
      st.financing_error = r.error().message;
      return render(services, pages, req, *id, st, status_for(r.error().code));
    }
    return Response::redirect("/programmes/" + std::to_string(*id) + "/ekonomi/bemanning?year=" +
                              std::to_string(*year) + "&saved=1");
  });
  router.add("POST", "/programmes/{id}/ekonomi/bemanning/scenarier", Auth::session, false,
             [&services, &pages](Request& req) {
               auto id = parse_id(req.params["id"]);
               if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
               PageState st;
               st.population_weight = form_weight(req.form_value("population_weight"));
               st.socioeconomic_weight = form_weight(req.form_value("socioeconomic_weight"));
               auto r = services.financing.save_scenario(*req.actor, *id, req.form_value("name"),
                                                         st.population_weight.value_or(std::nan("")),
                                                         st.socioeconomic_weight.value_or(std::nan("")));
               if (!r) {
                 if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
                   return error_response(pages, req, r.error());
                 st.key_error = r.error().message;
                 return render(services, pages, req, *id, st, status_for(r.error().code));
               }
               return Response::redirect("/programmes/" + std::to_string(*id) +
                                         "/ekonomi/bemanning?scenario_saved=1#fordelning");
             });
  router.add("POST", "/programmes/{id}/ekonomi/bemanning/scenarier/{sid}/delete", Auth::session, false,
             [&services, &pages](Request& req) {
               auto id = parse_id(req.params["id"]);
               auto sid = parse_id(req.params["sid"]);
               if (!id || !sid) return pages.error_page(req, 404, pages.text(req, "not_found"));
               auto r = services.financing.delete_scenario(*req.actor, *id, *sid);
               if (!r) return error_response(pages, req, r.error());
               return Response::redirect("/programmes/" + std::to_string(*id) +
                                         "/ekonomi/bemanning?scenario_deleted=1#fordelning");
             });
}

}  // namespace stegvis::http
