#include "http/money_json.hpp"

namespace stegvis::http {

using nlohmann::json;

json sek(Ore ore) {
  if (ore % 100 == 0) return json(ore / 100);
  return json(static_cast<double>(ore) / 100.0);
}

json budget_json(const Budget& b) {
  json lines = json::array();
  for (const auto& l : b.lines) lines.push_back({{"code", l.code}, {"name", l.name}, {"amount", sek(l.amount)}});
  json out{{"year", b.year}, {"version", b.version}, {"status", b.status}, {"lines", lines}, {"total", sek(b.total())}};
  if (b.unit_id) out["unit"] = b.unit_id;
  if (b.approved()) {
    out["decided_by"] = b.decided_by;
    out["approved_on"] = b.approved_on;
  }
  if (b.frame) {
    out["frame"] = sek(*b.frame);
    out["unallocated"] = sek(*b.unallocated());
  }
  return out;
}

json import_json(const app::ImportResult& r) {
  json rows = json::array();
  for (const auto& row : r.rows) {
    json j{{"row", row.row}, {"status", row.status}};
    if (!row.message.empty()) j["message"] = row.message;
    rows.push_back(j);
  }
  return {{"rows", rows}, {"stored", r.stored}, {"dry_run", r.dry_run}};
}

namespace {
json row_json(const EconomyRow& r, const char* key_name) {
  json j{{key_name, r.name}, {"actual", sek(r.actual)}, {"forecast", sek(r.forecast)}, {"over_budget", r.over}};
  j["budget"] = r.has_budget ? sek(r.budget) : json(nullptr);
  return j;
}
json optional_sek(const std::optional<Ore>& v) { return v ? sek(*v) : json(nullptr); }
}  // namespace

json economy_json(const app::EconomyResult& r) {
  const Economy& e = r.economy;
  json lines = json::array(), units = json::array(), cpp = json::array();
  for (const auto& l : e.lines) {
    json j = row_json(l, "name");
    j["code"] = l.key;
    lines.push_back(j);
  }
  for (const auto& u : e.units) {
    json j = row_json(u, "unit");
    j["unit_id"] = std::stoll(u.key);
    units.push_back(j);
  }
  for (const auto& c : e.cost_per_participant)
    cpp.push_back({{"group", c.group},
                   {"cost", sek(c.cost)},
                   {"per_started_enrolment", optional_sek(c.per_started)},
                   {"per_participant_month", optional_sek(c.per_participant_month)},
                   {"per_exit", optional_sek(c.per_exit)},
                   {"per_exit_to_work_or_studies", optional_sek(c.per_exit_work_studies)}});
  json monthly = json::array();
  for (auto m : e.monthly_actual) monthly.push_back(sek(m));
  const auto& total = e.cost_per_participant.front();
  json out{{"year", e.year},
           {"observed_months", e.observed_months},
           {"lines", lines},
           {"units", units},
           {"totals", {{"budget", e.totals.has_budget ? sek(e.totals.budget) : json(nullptr)},
                       {"actual", sek(e.totals.actual)},
                       {"forecast", sek(e.totals.forecast)},
                       {"over_budget", e.totals.over}}},
           {"monthly_actual", monthly},
           {"cost_per_participant", optional_sek(total.per_started)},
           {"cost_per_exit", optional_sek(total.per_exit)},
           {"cost_per_participant_by_group", cpp},
           {"forecast_method", "actual_plus_observed_monthly_rate"}};
  if (r.unit) out["unit"] = r.unit->id;
  if (r.budget) {
    out["budget_version"] = r.budget->version;
    out["budget_status"] = r.budget->status;
    if (r.budget->frame) {
      out["frame"] = sek(*r.budget->frame);
      out["unallocated"] = sek(*r.budget->unallocated());
    }
  }
  return out;
}

json requisition_json(const Requisition& r) {
  json out{{"id", r.id},         {"programme_id", r.programme_id}, {"unit", r.unit_id}, {"from", r.from},
           {"to", r.to},         {"due", r.due},                   {"amount", sek(r.amount)},
           {"status", r.status}, {"created_by", r.created_by}};
  if (!r.sent_on.empty()) out["sent"] = {{"date", r.sent_on}, {"by", r.sent_by}};
  if (!r.paid_on.empty()) out["paid"] = {{"date", r.paid_on}, {"by", r.paid_by}};
  return out;
}

json requisition_view_json(const app::RequisitionView& v) {
  json out = requisition_json(v.requisition);
  out["unit_name"] = v.unit.name;
  json lines = json::array();
  for (const auto& l : v.lines) lines.push_back({{"code", l.key}, {"name", l.name}, {"amount", sek(l.actual)}});
  out["lines"] = lines;
  if (v.unit_budget) out["unit_budget"] = sek(*v.unit_budget);
  return out;
}

json national_report_json(const NationalReport& r) {
  json programmes = json::array();
  for (const auto& p : r.programmes) {
    json participants = json::object();
    for (const auto& [g, c] : p.participants)
      participants[g] = {{"new", c.new_in_year}, {"ongoing", c.ongoing}, {"exited", c.exited}};
    programmes.push_back({{"programme_id", p.programme_id},
                          {"name", p.name},
                          {"participants", participants},
                          {"budget", p.budget ? sek(*p.budget) : json(nullptr)},
                          {"costs", sek(p.costs)}});
  }
  return {{"year", r.year}, {"programmes", programmes}};
}

}  // namespace stegvis::http
