// Request bodies of the organisation, staff and session routes, and the table
// of every decoder (request_decoders()) that the fuzz target runs.
#include <algorithm>

#include "http/request_decoders.hpp"

namespace stegvis::http {

std::optional<Error> decode_association(const json& j, Association& a) {
  if (auto e = read_string(j, "name", a.name)) return e;
  return read_string(j, "org_number", a.org_number, false);
}

std::optional<Error> decode_party(const json& j, Party& p) {
  if (auto e = read_string(j, "name", p.name)) return e;
  return read_string(j, "kind", p.kind);
}

std::optional<Error> decode_municipality(const json& j, Municipality& m) {
  if (auto e = read_string(j, "name", m.name)) return e;
  if (auto e = read_int(j, "population", m.population)) return e;
  if (auto e = read_number(j, "socioeconomic_index", m.socioeconomic_index)) return e;
  return read_opt_id(j, "party_id", m.party_id);
}

std::optional<Error> decode_programme(const json& j, Programme& p) {
  if (auto e = read_string(j, "name", p.name)) return e;
  if (auto e = read_string(j, "start_date", p.start_date)) return e;
  if (auto e = read_string(j, "end_date", p.end_date)) return e;
  if (auto e = read_string(j, "purpose", p.purpose, false)) return e;
  return read_string(j, "target_group", p.target_group, false);
}

std::optional<Error> decode_track(const json& j, Track& t) {
  if (auto e = read_string(j, "code", t.code)) return e;
  if (auto e = read_string(j, "name", t.name)) return e;
  std::int64_t min = 0, max = 0;
  if (auto e = read_int(j, "min_age", min)) return e;
  if (auto e = read_int(j, "max_age", max)) return e;
  t.min_age = static_cast<int>(std::clamp<std::int64_t>(min, -1, 1000));
  t.max_age = static_cast<int>(std::clamp<std::int64_t>(max, -1, 1000));
  std::string role;
  if (auto e = read_string(j, "staff_role", role)) return e;
  auto r = role_from_code(role);
  if (!r) return invalid("staff_role", "Personalrollen ska vara coach eller koordinator.");
  t.staff_role = *r;
  return std::nullopt;
}

std::optional<Error> decode_unit(const json& j, const Lookups& lookups, app::UnitInput& u) {
  if (auto e = read_string(j, "name", u.name)) return e;
  if (auto it = j.find("controller_party"); it != j.end() && !it->is_null()) {
    auto parties = lookups.parties();
    if (!parties) return parties.error();
    Id id = 0;
    if (auto e = resolve(*it, *parties, "controller_party", id)) return e;
    u.controller_party_id = id;
  }
  auto it = j.find("municipalities");
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_array()) return invalid("municipalities", "Fältet \"municipalities\" ska vara en lista.");
  auto all = lookups.municipalities();
  if (!all) return all.error();
  for (const auto& m : *it) {
    Id id = 0;
    if (auto e = resolve(m, *all, "municipalities", id)) return e;
    u.municipality_ids.push_back(id);
  }
  return std::nullopt;
}

std::optional<Error> decode_staff(const json& j, bool with_login, StaffInput& in) {
  Staff& s = in.staff;
  if (with_login) {
    if (auto e = read_string(j, "username", s.username)) return e;
    if (auto e = read_string(j, "password", in.password)) return e;
  }
  if (auto e = read_string(j, "name", s.name)) return e;
  if (auto e = read_string(j, "email", s.email, false)) return e;
  if (auto e = read_opt_id(j, "employing_party_id", s.employing_party_id)) return e;
  auto it = j.find("roles");
  if (it == j.end() || !it->is_array()) return invalid("roles", "Fältet \"roles\" ska vara en lista med roller.");
  s.roles.clear();
  for (const auto& r : *it) {
    if (!r.is_object()) return invalid("roles", "Varje roll ska vara ett objekt med \"role\".");
    std::string code;
    if (auto e = read_string(r, "role", code)) return e;
    auto role = role_from_code(code);
    if (!role) return invalid("role", "Okänd roll: " + code.substr(0, 40) + ".");
    RoleAssignment a{*role, std::nullopt, std::nullopt, 0};
    if (auto e = read_opt_id(r, "unit_id", a.unit_id)) return e;
    if (auto e = read_opt_id(r, "municipality_id", a.municipality_id)) return e;
    if (auto e = read_number(r, "fte_pct", a.fte_pct, false)) return e;
    s.roles.push_back(a);
  }
  return std::nullopt;
}

std::optional<Error> decode_password(const json& j, std::string& password) {
  return read_string(j, "password", password);
}

std::optional<Error> decode_credentials(const json& j, Credentials& c) {
  if (auto e = read_string(j, "username", c.username)) return e;
  return read_string(j, "password", c.password);
}

std::optional<Error> decode_token(const json& j, TokenInput& t) {
  if (auto e = read_string(j, "username", t.username)) return e;
  return read_string(j, "name", t.name);
}

namespace {
// A decoder with its value type, as one table entry.
template <typename T, typename F>
NamedDecoder entry(const char* name, F f) {
  return {name, [f](const json& j, const Lookups& l) {
            T value{};
            return f(j, l, value);
          }};
}
}  // namespace

const std::vector<NamedDecoder>& request_decoders() {
  using L = const Lookups&;
  static const std::vector<NamedDecoder> all{
      entry<app::ReferralInput>("referral", [](const json& j, L l, auto& v) { return decode_referral(j, l, v); }),
      entry<app::DecisionInput>("decision", [](const json& j, L, auto& v) { return decode_decision(j, v); }),
      entry<ConsentInput>("consent", [](const json& j, L l, auto& v) { return decode_consent(j, l, v); }),
      entry<AllocationInput>("allocation", [](const json& j, L, auto& v) { return decode_allocation(j, v); }),
      entry<Plan>("plan", [](const json& j, L l, auto& v) { int version = -1; return decode_plan(j, l, v, version); }),
      entry<Contact>("contact", [](const json& j, L, auto& v) { return decode_contact(j, v); }),
      entry<FollowUp>("follow_up", [](const json& j, L, auto& v) { return decode_follow_up(j, v); }),
      entry<app::ExitInput>("exit", [](const json& j, L, auto& v) { return decode_exit(j, v); }),
      entry<FinalReportSentInput>("final_report_sent",
                                  [](const json& j, L, auto& v) { return decode_final_report_sent(j, v); }),
      entry<std::string>("personal_number_search",
                         [](const json& j, L, auto& v) { return decode_personal_number_search(j, v); }),
      entry<Association>("association", [](const json& j, L, auto& v) { return decode_association(j, v); }),
      entry<Party>("party", [](const json& j, L, auto& v) { return decode_party(j, v); }),
      entry<Municipality>("municipality", [](const json& j, L, auto& v) { return decode_municipality(j, v); }),
      entry<Programme>("programme", [](const json& j, L, auto& v) { return decode_programme(j, v); }),
      entry<Track>("track", [](const json& j, L, auto& v) { return decode_track(j, v); }),
      entry<app::UnitInput>("unit", [](const json& j, L l, auto& v) { return decode_unit(j, l, v); }),
      entry<StaffInput>("staff_create", [](const json& j, L, auto& v) { return decode_staff(j, true, v); }),
      entry<StaffInput>("staff_update", [](const json& j, L, auto& v) { return decode_staff(j, false, v); }),
      entry<std::string>("password", [](const json& j, L, auto& v) { return decode_password(j, v); }),
      entry<Credentials>("credentials", [](const json& j, L, auto& v) { return decode_credentials(j, v); }),
      entry<TokenInput>("token", [](const json& j, L, auto& v) { return decode_token(j, v); }),
      entry<std::vector<app::FinancingInput>>("financing",
                                              [](const json& j, L l, auto& v) { return decode_financing(j, l, v); }),
      entry<ScenarioInput>("allocation_scenario", [](const json& j, L, auto& v) { return decode_scenario(j, v); }),
      entry<app::MeetingInput>("meeting", [](const json& j, L, auto& v) { return decode_meeting(j, v); }),
      entry<app::MinutesInput>("minutes", [](const json& j, L, auto& v) { return decode_minutes(j, v); }),
      entry<app::MemberInput>("member", [](const json& j, L, auto& v) { return decode_member(j, v); }),
      entry<PlanVersion>("plan_version", [](const json& j, L, auto& v) { return decode_plan_version(j, v); }),
      entry<ActivityItem>("activity_item", [](const json& j, L, auto& v) { return decode_activity(j, true, v); }),
      entry<DiaryInput>("diary", [](const json& j, L, auto& v) { return decode_diary(j, v); }),
      entry<std::map<std::string, std::string>>("annual_sections",
                                                [](const json& j, L, auto& v) { return decode_annual_sections(j, v); }),
      entry<QuestionnaireDraft>("questionnaire", [](const json& j, L, auto& v) { return decode_questionnaire(j, v); }),
      entry<app::RoundInput>("survey_round", [](const json& j, L, auto& v) { return decode_survey_round(j, v); }),
      entry<std::map<std::string, AnswerValue>>("answers", [](const json& j, L, auto& v) { return decode_answers(j, v); }),
      entry<Budget>("budget", [](const json& j, L, auto& v) { return decode_budget(j, v); }),
      entry<BudgetApprovalInput>("budget_approval", [](const json& j, L, auto& v) { return decode_budget_approval(j, v); }),
      entry<app::CostInput>("cost", [](const json& j, L, auto& v) { return decode_cost(j, v); }),
      entry<RequisitionInput>("requisition", [](const json& j, L, auto& v) { return decode_requisition(j, v); }),
      entry<RequisitionStatusInput>("requisition_status",
                                    [](const json& j, L, auto& v) { return decode_requisition_status(j, v); }),
      entry<CatalogueEntry>("catalogue_entry", [](const json& j, L, auto& v) { return decode_catalogue_entry(j, v); }),
      entry<app::ItemUpdate>("strategy_item", [](const json& j, L, auto& v) { return decode_strategy_item(j, v); }),
      entry<ContactAfterExitInput>("contact_after_exit",
                                   [](const json& j, L, auto& v) { return decode_contact_after_exit(j, v); }),
      entry<LastingEffect>("lasting_effect", [](const json& j, L, auto& v) { return decode_lasting_effect(j, v); }),
      entry<app::RatingInput>("rating", [](const json& j, L, auto& v) { return decode_rating(j, v); }),
      entry<std::vector<GoalRating>>("goal_ratings", [](const json& j, L, auto& v) {
        std::string phase;
        return decode_goal_ratings(j, phase, v);
      }),
  };
  return all;
}

}  // namespace stegvis::http
