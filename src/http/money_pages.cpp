// The economy page /programmes/{id}/ekonomi (issue #7): the year's budget with
// its status and unallocated part, budget against actual per line and unit
// with the forecast and its warnings, the cumulative chart with its table,
// cost per participant, and for ekonom and förbundschef the budget, cost and
// ledger-import forms. Requisitions and the national report are in
// money_pages_requisitions.cpp. No participant data appears here.
#include "app/money_service.hpp"
#include "domain/money.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/money_pages.hpp"
#include "http/page_helpers.hpp"
#include "http/report_view.hpp"
#include "reports/money_documents.hpp"

namespace stegvis::http {
namespace {

int year_or_current(const std::string& text, app::Services& services) {
  if (text.size() == 4 && text.find_first_not_of("0123456789") == std::string::npos) return std::stoi(text);
  return today_of(services).year;
}

// The budget form's rows: the stored lines, or the defaults (blank amounts).
json budget_form_lines(const std::optional<Budget>& b) {
  json out = json::array();
  for (const auto& d : default_budget_lines()) {
    std::string amount;
    if (b)
      for (const auto& l : b->lines)
        if (l.code == d.code) amount = std::to_string(l.amount / 100) + (l.amount % 100 ? "," + std::to_string(std::abs(l.amount % 100) + 100).substr(1) : "");
    out.push_back({{"code", d.code}, {"name", d.name}, {"amount", amount}});
  }
  return out;
}

std::string kr(Ore o) { return format_sek(o) + " kr"; }

}  // namespace

// Whole kronor with a no-break space between thousands ("8 100 000"); the shared
// cell format leaves them ungrouped, which is hard to read for money.
void group_thousands(json& table) {
  for (auto& row : table["rows"])
    for (auto& cell : row["cells"]) {
      if (!cell["num"].get<bool>()) continue;
      std::string t = cell["text"].get<std::string>();
      bool negative = !t.empty() && t[0] == '-';
      std::string digits = negative ? t.substr(1) : t;
      if (digits.size() < 4 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
      cell["text"] = (negative ? "-" : "") + format_sek(std::stoll(digits) * 100);
    }
}

namespace {

// Mustache treats "" as true: an absent message or name must be false.
json text_or_false(const std::string& s) { return s.empty() ? json(false) : json(s); }

}  // namespace

Date today_of(app::Services& services) {
  std::int64_t days = services.env.now() / 86400;
  return add_days(Date{1970, 1, 1}, static_cast<int>(days));
}

Response render_economy_page(app::Services& services, PageRenderer& pages, const Request& req, Id id, int year,
                             const EconomyPageExtras& extra, int status) {
  auto result = services.money.economy(*req.actor, id, year);
  if (!result) return error_response(pages, req, result.error());
  const auto& r = *result;
  auto doc = reports::economy_document(r.programme.name, r.unit ? r.unit->name : "", r.economy);
  json tables = json::array();
  for (std::size_t i = 0; i < doc.tables.size(); ++i) {
    tables.push_back(table_view(doc.tables[i], "e" + std::to_string(i)));
    group_thousands(tables.back());
  }
  json charts = json::array();
  for (const auto& c : doc.charts) charts.push_back(chart_view(c));
  json warnings = json::array();
  for (const auto* rows : {&r.economy.lines, &r.economy.units})
    for (const auto& row : *rows)
      if (row.over)
        warnings.push_back(row.name + ": prognos " + kr(row.forecast) + " mot budget " + kr(row.budget) + ".");
  if (r.economy.totals.over)
    warnings.push_back("Totalt: prognos " + kr(r.economy.totals.forecast) + " mot budget " + kr(r.economy.totals.budget) + ".");

  json years = json::array();
  const int first = std::stoi(r.programme.start_date.substr(0, 4));
  const int last = r.programme.end_date.empty() ? today_of(services).year + 1 : std::stoi(r.programme.end_date.substr(0, 4));
  for (int y = first; y <= last; ++y) years.push_back({{"value", y}, {"selected", y == year}});

  json view{{"title", pages.text(req, "money_title") + " " + std::to_string(year) + " – " + r.programme.name},
            {"programme", {{"id", r.programme.id}, {"name", r.programme.name}}},
            {"year", year},
            {"years", years},
            {"unit_name", text_or_false(r.unit ? r.unit->name : "")},
            {"tables", tables},
            {"charts", charts},
            {"warnings", warnings},
            {"has_warnings", !warnings.empty()},
            {"method", reports::forecast_method_text()},
            {"subtitle", doc.subtitle},
            {"can_edit", r.can_edit},
            {"whole_programme", !r.unit},
            {"saved_message", false}};
  if (auto saved = req.query_value("saved"); saved == "budget" || saved == "cost" || saved == "import" || saved == "requisition")
    view["saved_message"] = pages.text(req, "money_saved_" + saved);
  if (r.budget) {
    const Budget& b = *r.budget;
    json budget{{"version", b.version},
                {"approved", b.approved()},
                {"decided_by", b.decided_by},
                {"approved_on", b.approved_on},
                {"total", kr(b.total())}};
    if (b.frame) {
      budget["frame"] = kr(*b.frame);
      budget["unallocated"] = kr(*b.unallocated());
    }
    if (b.version > 1)
      budget["previous"] = "/api/v1/programmes/" + std::to_string(id) + "/budgets/" + std::to_string(year) +
                           "?version=" + std::to_string(b.version - 1);
    view["budget"] = budget;
  }
  if (r.can_edit && !r.unit) {
    std::optional<Budget> shown = r.budget;
    if (extra.entered_budget) shown = *extra.entered_budget;
    std::string frame;
    if (shown && shown->frame) frame = std::to_string(*shown->frame / 100);
    view["budget_form"] = {{"lines", budget_form_lines(shown)},
                           {"frame", frame},
                           {"editable", !r.budget || !r.budget->approved()},
                           {"can_approve", r.budget && !r.budget->approved()},
                           {"can_version", r.budget && r.budget->approved()},
                           {"error", text_or_false(extra.budget_error)}};
    json units = json::array();
    for (const auto& u : r.programme.units) units.push_back({{"value", u.id}, {"label", u.name}});
    json lines = json::array();
    for (const auto& d : default_budget_lines()) lines.push_back({{"value", d.code}, {"label", d.name}});
    view["cost_form"] = {{"units", units}, {"lines", lines}, {"error", text_or_false(extra.cost_error)}};
    view["import_form"] = {{"error", text_or_false(extra.import_error)}, {"has_rows", !extra.import_rows.empty()},
                           {"rows", extra.import_rows}, {"summary", extra.import_summary},
                           {"text", extra.import_text}};
  }
  json costs = json::array();
  std::map<Id, std::string> unit_names;
  for (const auto& u : r.programme.units) unit_names[u.id] = u.name;
  for (const auto& c : r.recent_costs) {
    std::string line = c.line;
    for (const auto& d : default_budget_lines())
      if (d.code == c.line) line = d.name;
    costs.push_back({{"month", c.month}, {"line", line}, {"unit", c.unit_id ? unit_names[c.unit_id] : "–"},
                     {"amount", kr(c.amount)}, {"note", c.note}, {"source", c.source}});
  }
  view["costs"] = costs;
  view["has_costs"] = !costs.empty();
  add_requisition_view(services, req, r.programme, r.unit ? std::optional<Id>(r.unit->id) : std::nullopt, view,
                       extra.requisition_error);
  view["may_view_national"] = app::MoneyService::may_view_all(*req.actor);
  return pages.render(req, "economy", view.dump(), status);
}

void add_money_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/programmes/{id}/ekonomi", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return render_economy_page(services, pages, req, *id, year_or_current(req.query_value("year"), services), {});
  });
  router.add("GET", "/ekonomi", Auth::session, false, [&services, &pages](Request& req) {
    auto ps = services.organisation.programmes(*req.actor);
    if (!ps) return error_response(pages, req, ps.error());
    for (const auto& p : *ps)
      if (app::MoneyService::may_view(*req.actor, p)) return Response::redirect("/programmes/" + std::to_string(p.id) + "/ekonomi");
    return pages.error_page(req, 403, pages.text(req, "money_no_access"));
  });

  router.add("POST", "/programmes/{id}/ekonomi/budget", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    const int year = year_or_current(req.form_value("year"), services);
    const std::string back = "/programmes/" + std::to_string(*id) + "/ekonomi?year=" + std::to_string(year);
    app::BudgetRef ref{*id, year, std::nullopt};
    const std::string action = req.form_value("action");
    Result<Budget> r = Budget{};
    Budget entered;
    if (action == "approve") {
      r = services.money.approve_budget(*req.actor, ref, req.form_value("date"), req.form_value("decided_by"));
    } else if (action == "version") {
      r = services.money.new_budget_version(*req.actor, ref);
    } else {
      std::optional<Error> err;
      if (auto f = req.form_value("frame"); !f.empty()) {
        auto frame = parse_amount(f, "frame");
        if (frame) entered.frame = *frame;
        else err = frame.error();
      }
      for (const auto& d : default_budget_lines()) {
        std::string text = req.form_value("line_" + d.code);
        auto amount = text.empty() ? Result<Ore>(Ore{0}) : parse_amount(text, d.name);
        if (!amount && !err) err = amount.error();
        entered.lines.push_back({d.code, d.name, amount ? *amount : 0});
      }
      r = err ? Result<Budget>(*err) : services.money.save_budget(*req.actor, ref, entered);
    }
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      EconomyPageExtras extra;
      extra.budget_error = r.error().message;
      if (action.empty() || action == "save") extra.entered_budget = entered;
      return render_economy_page(services, pages, req, *id, year, extra, status_for(r.error().code));
    }
    return Response::redirect(back + "&saved=budget#budget");
  });

  router.add("POST", "/programmes/{id}/ekonomi/kostnader", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    const int year = year_or_current(req.form_value("year"), services);
    app::CostInput in;
    in.programme_id = *id;
    in.month = req.form_value("month");
    in.line = req.form_value("line");
    in.unit = req.form_value("unit");
    in.note = req.form_value("note");
    auto amount = parse_amount(req.form_value("amount"));
    Result<Id> r = amount ? services.money.add_cost(*req.actor, (in.amount = *amount, in)) : Result<Id>(amount.error());
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      EconomyPageExtras extra;
      extra.cost_error = r.error().message;
      return render_economy_page(services, pages, req, *id, year, extra, status_for(r.error().code));
    }
    return Response::redirect("/programmes/" + std::to_string(*id) + "/ekonomi?year=" + std::to_string(year) +
                              "&saved=cost#kostnader");
  });

  router.add("POST", "/programmes/{id}/ekonomi/import", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    const int year = year_or_current(req.form_value("year"), services);
    std::string text = req.form_value("file");
    if (text.empty()) text = req.form_value("text");
    const bool dry_run = req.form_value("action") != "import";
    auto r = services.money.import_costs(*req.actor, *id, text, dry_run);
    EconomyPageExtras extra;
    extra.import_text = text.size() < 200'000 ? text : "";
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      extra.import_error = r.error().message;
      return render_economy_page(services, pages, req, *id, year, extra, status_for(r.error().code));
    }
    if (!dry_run && !r->error)
      return Response::redirect("/programmes/" + std::to_string(*id) + "/ekonomi?year=" + std::to_string(year) +
                                "&saved=import#kostnader");
    int ok = 0, dup = 0, bad = 0;
    for (const auto& row : r->rows) {
      ok += row.status == "ok";
      dup += row.status == "duplicate";
      bad += row.status == "error";
      extra.import_rows.push_back({{"row", row.row},
                                   {"status", pages.text(req, "money_import_" + row.status)},
                                   {"error", row.status == "error"},
                                   {"message", row.message}});
    }
    extra.import_summary = std::to_string(ok) + " rader läses in, " + std::to_string(dup) + " dubbletter hoppas över, " +
                           std::to_string(bad) + " rader har fel.";
    if (r->error) extra.import_error = r->error->message;
    return render_economy_page(services, pages, req, *id, year, extra, r->error ? 422 : 200);
  });
  add_requisition_pages(router, services, pages);
}

}  // namespace stegvis::http
