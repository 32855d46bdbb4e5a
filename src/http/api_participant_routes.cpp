// The participant path under /api/v1 (api.md "Participant path"): referrals and
// their decision, enrolments with consent, allocation, plan, contacts,
// follow-ups, exit and the final document, and the signed-in user's due work.
//
// Conventions of this file:
// - Codes and dates that are not set come out as null; free text as "".
// - Personal numbers appear in one response only: GET /api/v1/enrolments/{id}
//   ("person.personal_number"), for those who may see the enrolment.
// - POST …/contacts with an Idempotency-Key header: a repeated key for the same
//   enrolment answers 201 with the id stored the first time (the original reply).
// - PUT …/plan "version" is the plan version the client read (0: none yet);
//   without it the plan is saved without a check.
#include <algorithm>
#include <climits>
#include <map>
#include <set>

#include "domain/date.hpp"
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/participant_json.hpp"

namespace stegvis::http {
namespace {


json id_or_null(Id v) { return v ? json(v) : json(nullptr); }

Error not_found_enrolment() { return not_found("Inskrivningen finns inte."); }
Error not_found_referral() { return not_found("Aktualiseringen finns inte."); }

// An int field with a bound, so that huge numbers cannot wrap into valid ones.
std::optional<Error> read_small_int(const json& j, const char* field, int& out, bool required = true) {
  std::int64_t v = out;
  if (auto e = read_int(j, field, v, required)) return e;
  out = static_cast<int>(std::clamp<std::int64_t>(v, -1, 1000000));
  return std::nullopt;
}

// A version the client read: absent leaves out untouched; a negative number is refused.
std::optional<Error> read_version(const json& j, const char* field, int& out) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > INT_MAX)
    return invalid(field, std::string("Fältet \"") + field + "\" ska vara ett versionsnummer (heltal från 0).");
  out = static_cast<int>(it->get<std::int64_t>());
  return std::nullopt;
}

const json* find_array(const json& j, const char* field, bool required, std::optional<Error>& err) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (required) err = invalid(field, std::string("Fältet \"") + field + "\" saknas.");
    return nullptr;
  }
  if (!it->is_array()) {
    err = invalid(field, std::string("Fältet \"") + field + "\" ska vara en lista.");
    return nullptr;
  }
  return &*it;
}

std::optional<Error> read_string_list(const json& j, const char* field, std::vector<std::string>& out,
                                      bool required = true) {
  std::optional<Error> err;
  const json* arr = find_array(j, field, required, err);
  if (!arr) return err;
  out.clear();
  for (const auto& x : *arr) {
    if (!x.is_string()) return invalid(field, std::string("Fältet \"") + field + "\" ska vara en lista med texter.");
    out.push_back(x.get<std::string>());
  }
  return std::nullopt;
}

template <typename T>
std::optional<Error> resolve_list(const json& j, const char* field, const std::vector<T>& all, std::vector<Id>& out,
                                  bool required = true) {
  std::optional<Error> err;
  const json* arr = find_array(j, field, required, err);
  if (!arr) return err;
  out.clear();
  for (const auto& x : *arr) {
    Id id = 0;
    if (auto e = resolve(x, all, field, id)) return e;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return std::nullopt;
}

std::optional<Error> decode_referral(app::Services& services, const app::Actor& actor, const json& j,
                                     app::ReferralInput& in) {
  std::int64_t programme = 0;
  if (auto e = read_int(j, "programme_id", programme)) return e;
  if (programme <= 0) return invalid("programme_id", "Insatsen finns inte.");
  in.programme_id = programme;
  if (auto e = read_string(j, "track", in.track)) return e;

  auto municipalities = services.organisation.municipalities(actor);
  if (!municipalities) return municipalities.error();
  auto parties = services.organisation.parties(actor);
  if (!parties) return parties.error();
  auto m = j.find("municipality");
  if (m == j.end() || m->is_null()) return invalid("municipality", "Fältet \"municipality\" saknas.");
  if (auto e = resolve(*m, *municipalities, "municipality", in.municipality_id)) return e;
  auto rp = j.find("referring_party");
  if (rp == j.end() || rp->is_null()) return invalid("referring_party", "Fältet \"referring_party\" saknas.");
  if (auto e = resolve(*rp, *parties, "referring_party", in.referring_party_id)) return e;
  if (auto e = read_string(j, "referrer_name", in.referrer_name)) return e;

  auto p = j.find("person");
  if (p == j.end() || p->is_null()) return invalid("person", "Fältet \"person\" saknas.");
  if (!p->is_object()) return invalid("person", "Fältet \"person\" ska vara ett objekt.");
  if (auto e = read_bool(*p, "anonymous", in.anonymous)) return e;
  if (auto e = read_string(*p, "personal_number", in.personal_number, false)) return e;
  if (auto e = read_string(*p, "first_name", in.first_name, false)) return e;
  if (auto e = read_string(*p, "last_name", in.last_name, false)) return e;
  if (auto e = read_string(*p, "contact", in.contact, false)) return e;
  if (auto e = read_string(*p, "gender", in.gender)) return e;
  // Taken from the personal number when one is given; required for anonymous registrations.
  if (auto e = read_small_int(*p, "birth_year", in.birth_year, in.anonymous)) return e;

  if (auto e = read_string_list(j, "income_sources", in.income_sources)) return e;
  if (auto e = resolve_list(j, "coordination_need_parties", *parties, in.coordination_parties)) return e;
  if (auto e = read_string(j, "reason", in.reason)) return e;
  return read_string(j, "received_on", in.received_on, false);
}

std::optional<Error> decode_decision(const json& j, app::DecisionInput& in) {
  if (auto e = read_string(j, "decision", in.decision)) return e;
  if (auto e = read_string(j, "reason", in.reason, false)) return e;
  if (auto e = read_string(j, "override_reason", in.override_reason, false)) return e;
  if (auto e = read_string(j, "date", in.date, false)) return e;
  if (auto x = j.find("exclusions"); x != j.end() && !x->is_null()) {
    if (!x->is_object()) return invalid("exclusions", "Fältet \"exclusions\" ska vara ett objekt.");
    auto& ex = in.exclusions;
    if (auto e = read_bool(*x, "substance_dependence", ex.substance_dependence, false)) return e;
    if (auto e = read_bool(*x, "threatening_behaviour", ex.threatening_behaviour, false)) return e;
    if (auto e = read_bool(*x, "imminent_deprivation_of_liberty", ex.imminent_deprivation_of_liberty, false)) return e;
    if (auto e = read_bool(*x, "illness_prevents_participation", ex.illness_prevents_participation, false)) return e;
  }
  if (auto e = read_string(j, "support_duration", in.support_duration, false)) return e;
  if (auto e = read_string(j, "education", in.education, false)) return e;
  if (auto e = read_string(j, "occupation_before", in.occupation_before, false)) return e;
  return read_version(j, "version", in.expected_version);
}

// Parties named in a plan are looked up only when a plan names one.
std::optional<Error> decode_plan(app::Services& services, const app::Actor& actor, const json& j, Plan& plan) {
  if (auto e = read_string(j, "problem", plan.problem)) return e;
  std::optional<Error> err;
  const json* goals = find_array(j, "goals", true, err);
  if (!goals) return err;
  for (const auto& g : *goals) {
    if (!g.is_object()) return invalid("goals", "Varje mål ska vara ett objekt med \"area\" och \"text\".");
    Goal goal;
    if (auto e = read_string(g, "area", goal.area)) return e;
    if (auto e = read_string(g, "text", goal.text)) return e;
    plan.goals.push_back(goal);
  }
  const json* activities = find_array(j, "activities", true, err);
  if (!activities) return err;
  std::optional<std::vector<Party>> parties;
  for (const auto& a : *activities) {
    if (!a.is_object()) return invalid("activities", "Varje aktivitet ska vara ett objekt.");
    Activity act;
    if (auto e = read_string(a, "kind", act.kind)) return e;
    if (auto e = read_string(a, "text", act.text)) return e;
    if (auto e = read_string(a, "start", act.start)) return e;
    if (auto e = read_string(a, "end", act.end, false)) return e;
    if (auto e = read_string(a, "workplace", act.workplace, false)) return e;
    if (auto p = a.find("party"); p != a.end() && !p->is_null()) {
      if (!parties) {
        auto all = services.organisation.parties(actor);
        if (!all) return all.error();
        parties = *all;
      }
      Id id = 0;
      if (auto e = resolve(*p, *parties, "party", id)) return e;
      act.party_id = id;
    }
    plan.activities.push_back(act);
  }
  return read_string(j, "next_follow_up", plan.next_follow_up);
}

std::optional<Error> decode_exit(const json& j, app::ExitInput& in) {
  if (auto e = read_string(j, "date", in.date)) return e;
  if (auto e = read_string(j, "outcome", in.outcome)) return e;
  if (auto e = read_string_list(j, "income_sources_after", in.income_after)) return e;
  if (auto e = read_string(j, "occupation_after", in.occupation_after)) return e;
  std::optional<Error> err;
  if (const json* ratings = find_array(j, "goal_ratings", false, err)) {
    for (const auto& r : *ratings) {
      if (!r.is_object()) return invalid("goal_ratings", "Varje skattning ska vara ett objekt.");
      GoalRating g;
      if (auto e = read_string(r, "phase", g.phase)) return e;
      if (auto e = read_string(r, "area", g.area)) return e;
      if (auto e = read_small_int(r, "rating", g.rating)) return e;
      in.goal_ratings.push_back(g);
    }
  } else if (err) {
    return err;
  }
  if (auto e = read_string(j, "next_step", in.next_step, false)) return e;
  return read_version(j, "version", in.expected_version);
}

std::optional<Error> read_id_query(const Request& req, const char* name, std::optional<Id>& out) {
  auto v = req.query_value(name);
  if (v.empty()) return std::nullopt;
  out = parse_id(v);
  if (!out) return invalid(name, std::string("Parametern ") + name + " ska vara ett id.");
  return std::nullopt;
}

std::optional<Error> read_count_query(const Request& req, const char* name, int& out) {
  auto v = req.query_value(name);
  if (v.empty()) return std::nullopt;
  if (v == "0") { out = 0; return std::nullopt; }
  auto n = parse_id(v);
  if (!n || *n > 1000000) return invalid(name, std::string("Parametern ") + name + " ska vara ett heltal från 0.");
  out = static_cast<int>(*n);
  return std::nullopt;
}

Response done_or_error(const Status& s, const json& body) {
  if (!s) return json_error(s.error());
  return json_response(body);
}

}  // namespace

void add_participant_routes(Router& router, app::Services& services) {
  auto& referrals = services.referrals;
  auto& enrolments = services.enrolments;

  // ---- referrals ----
  router.add("POST", "/api/v1/referrals", Auth::session, true, [&services, &referrals](Request& req) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::ReferralInput in;
    if (auto e = decode_referral(services, *req.actor, *body, in)) return json_error(*e);
    auto r = referrals.create(*req.actor, in);
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}, {"status", "received"}}, 201);
  });

  router.add("GET", "/api/v1/referrals", Auth::session, true, [&services, &referrals](Request& req) {
    std::optional<Id> unit;
    if (auto e = read_id_query(req, "unit", unit)) return json_error(*e);
    const std::string status = req.query_value("status");
    // Without ?unit= the referrals of every unit the user coordinates.
    std::vector<Id> units;
    if (unit) {
      units.push_back(*unit);
    } else {
      for (const auto& r : req.actor->roles)
        if (r.role == Role::samordnare && r.unit_id &&
            std::find(units.begin(), units.end(), *r.unit_id) == units.end())
          units.push_back(*r.unit_id);
      if (units.empty()) units.push_back(0);  // refused (and audited) by the service
    }
    TrackCodes tracks(services, *req.actor);
    json items = json::array();
    for (Id u : units) {
      auto r = referrals.list(*req.actor, u, status);
      if (!r) return json_error(r.error());
      for (const auto& x : *r) items.push_back(referral_json(x, tracks));
    }
    const auto total = items.size();
    return json_list(items, total);
  });

  router.add("GET", "/api/v1/referrals/{id}", Auth::session, true, [&services, &referrals](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_referral());
    auto r = referrals.get(*req.actor, *id);
    if (!r) return json_error(r.error());
    TrackCodes tracks(services, *req.actor);
    return json_response(referral_json(*r, tracks));
  });

  router.add("POST", "/api/v1/referrals/{id}/decision", Auth::session, true, [&referrals](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_referral());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::DecisionInput in;
    if (auto e = decode_decision(*body, in)) return json_error(*e);
    auto r = referrals.decide(*req.actor, *id, in);
    if (!r) return json_error(r.error());
    json out{{"status", r->status}};
    if (r->enrolment_id) out["enrolment_id"] = *r->enrolment_id;
    return json_response(out);
  });

  // ---- enrolments ----
  router.add("GET", "/api/v1/enrolments", Auth::session, true, [&services, &enrolments](Request& req) {
    store::EnrolmentFilter f;
    if (auto e = read_id_query(req, "unit", f.unit_id)) return json_error(*e);
    if (auto e = read_id_query(req, "staff", f.staff_id)) return json_error(*e);
    if (auto e = read_id_query(req, "programme", f.programme_id)) return json_error(*e);
    f.status = req.query_value("status");
    if (auto e = read_count_query(req, "limit", f.limit)) return json_error(*e);
    if (auto e = read_count_query(req, "offset", f.offset)) return json_error(*e);
    int total = 0;
    auto r = enrolments.list(*req.actor, f, &total);
    if (!r) return json_error(r.error());
    // Three or more ORS ratings without reliable improvement, for the whole page from one query.
    auto summaries = services.ratings.summaries(*req.actor, *r);
    json items = json::array();
    for (const auto& e : *r) {
      items.push_back(enrolment_json(e));
      auto s = summaries.find(e.id);
      items.back()["no_improvement"] = s != summaries.end() && s->second.no_improvement;
    }
    return json_list(items, static_cast<std::size_t>(std::max(total, 0)));
  });

  // POST, not GET: the personal number must never be part of a URL (logs, history).
  router.add("POST", "/api/v1/enrolments/search", Auth::session, true, [&enrolments](Request& req) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    std::string number;
    if (auto e = read_string(*body, "personal_number", number)) return json_error(*e);
    auto r = enrolments.find_by_personal_number(*req.actor, number);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& e : *r) items.push_back(enrolment_json(e));
    return json_list(items, r->size());
  });

  router.add("GET", "/api/v1/enrolments/{id}", Auth::session, true, [&enrolments](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto r = enrolments.view(*req.actor, *id);
    if (!r) return json_error(r.error());
    return json_response(view_json(*r));
  });

  router.add("POST", "/api/v1/enrolments/{id}/consent", Auth::session, true, [&services, &referrals](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    auto parties = services.organisation.parties(*req.actor);
    if (!parties) return json_error(parties.error());
    std::vector<Id> ids;
    std::string date;
    bool given = false;
    if (auto e = resolve_list(*body, "parties", *parties, ids)) return json_error(*e);
    if (auto e = read_string(*body, "date", date)) return json_error(*e);
    if (auto e = read_bool(*body, "given", given)) return json_error(*e);
    return done_or_error(referrals.record_consent(*req.actor, *id, ids, date, given),
                         {{"id", *id}, {"parties", ids}, {"given", given}});
  });

  router.add("GET", "/api/v1/enrolments/{id}/allocation-suggestions", Auth::session, true,
             [&enrolments](Request& req) {
               auto id = parse_id(req.params["id"]);
               if (!id) return json_error(not_found_enrolment());
               auto r = enrolments.suggestions(*req.actor, *id);
               if (!r) return json_error(r.error());
               json items = json::array();
               for (const auto& s : *r)
                 items.push_back({{"staff_id", s.staff_id},
                                  {"name", s.name},
                                  {"role", s.role},
                                  {"same_municipality", s.same_municipality},
                                  {"caseload", s.caseload},
                                  {"capacity", s.capacity},
                                  {"free", s.free()}});
               return json_list(items, r->size());
             });

  router.add("POST", "/api/v1/enrolments/{id}/allocation", Auth::session, true, [&enrolments](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    std::int64_t staff_id = 0;
    std::string override_reason;
    if (auto e = read_int(*body, "staff_id", staff_id)) return json_error(*e);
    if (staff_id <= 0) return json_error(invalid("staff_id", "Personen finns inte."));
    if (auto e = read_string(*body, "override_reason", override_reason, false)) return json_error(*e);
    return done_or_error(enrolments.allocate(*req.actor, *id, staff_id, override_reason),
                         {{"id", *id}, {"staff_id", staff_id}});
  });

  router.add("PUT", "/api/v1/enrolments/{id}/plan", Auth::session, true, [&services, &enrolments](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Plan plan;
    if (auto e = decode_plan(services, *req.actor, *body, plan)) return json_error(*e);
    int expected = -1;  // no check unless the client says which version it read
    if (auto e = read_version(*body, "version", expected)) return json_error(*e);
    auto r = enrolments.save_plan(*req.actor, *id, plan, expected);
    if (!r) return json_error(r.error());
    return json_response({{"version", *r}});
  });

  router.add("POST", "/api/v1/enrolments/{id}/contacts", Auth::session, true, [&enrolments](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Contact c;
    if (auto e = read_string(*body, "date", c.date)) return json_error(*e);
    if (auto e = read_string(*body, "kind", c.kind)) return json_error(*e);
    if (auto e = read_small_int(*body, "minutes", c.minutes)) return json_error(*e);
    if (auto e = read_string(*body, "note", c.note, false)) return json_error(*e);
    auto r = enrolments.add_contact(*req.actor, *id, c, req.header("idempotency-key"));
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}}, 201);
  });

  router.add("POST", "/api/v1/enrolments/{id}/follow-ups", Auth::session, true, [&enrolments](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    FollowUp f;
    if (auto e = read_string(*body, "date", f.date)) return json_error(*e);
    if (auto e = read_bool(*body, "with_referrer", f.with_referrer)) return json_error(*e);
    if (auto e = read_string(*body, "decision", f.decision)) return json_error(*e);
    if (auto e = read_string(*body, "note", f.note, false)) return json_error(*e);
    if (auto e = read_string(*body, "next_follow_up", f.next_follow_up, false)) return json_error(*e);
    auto r = enrolments.record_follow_up(*req.actor, *id, f);
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}}, 201);
  });

  router.add("POST", "/api/v1/enrolments/{id}/exit", Auth::session, true, [&enrolments](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::ExitInput in;
    if (auto e = decode_exit(*body, in)) return json_error(*e);
    return done_or_error(enrolments.exit(*req.actor, *id, in), {{"id", *id}, {"status", "exited"}});
  });

  router.add("GET", "/api/v1/enrolments/{id}/final-report.pdf", Auth::session, true, [&enrolments](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto r = enrolments.final_report_pdf(*req.actor, *id);
    if (!r) return json_error(r.error());
    Response res{200, "application/pdf", std::move(*r), {}};
    res.headers.emplace_back("Content-Disposition",
                             "attachment; filename=\"slutdokumentation-" + std::to_string(*id) + ".pdf\"");
    return res;
  });

  router.add("POST", "/api/v1/enrolments/{id}/final-report/sent", Auth::session, true, [&enrolments](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    std::string date;
    std::vector<std::string> to;
    if (auto e = read_string(*body, "date", date)) return json_error(*e);
    if (auto e = read_string_list(*body, "to", to)) return json_error(*e);
    return done_or_error(enrolments.mark_final_report_sent(*req.actor, *id, date, to),
                         {{"id", *id}, {"final_report_sent_on", date}});
  });

  // ---- due work ----
  router.add("GET", "/api/v1/tasks", Auth::session, true, [&enrolments](Request& req) {
    auto r = enrolments.tasks(*req.actor);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& t : *r) {
      json item{{"kind", t.kind},
                {"enrolment_id", id_or_null(t.enrolment_id)},
                {"label", t.label},
                {"due", to_string(t.due)},
                {"overdue", t.overdue}};
      if (t.referral_id) item["referral_id"] = t.referral_id;
      if (t.staff_id) item["staff_id"] = t.staff_id;
      items.push_back(item);
    }
    return json_list(items, r->size());
  });
}

}  // namespace stegvis::http
