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
#include "http/request_decoders.hpp"

namespace stegvis::http {
namespace {


json id_or_null(Id v) { return v ? json(v) : json(nullptr); }

Error not_found_enrolment() { return not_found("Inskrivningen finns inte."); }
Error not_found_referral() { return not_found("Aktualiseringen finns inte."); }

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
    if (auto e = decode_referral(*body, lookups_for(services, *req.actor), in)) return json_error(*e);
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
    if (auto e = decode_personal_number_search(*body, number)) return json_error(*e);
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
    ConsentInput in;
    if (auto e = decode_consent(*body, lookups_for(services, *req.actor), in)) return json_error(*e);
    return done_or_error(referrals.record_consent(*req.actor, *id, in.parties, in.date, in.given),
                         {{"id", *id}, {"parties", in.parties}, {"given", in.given}});
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
    AllocationInput in;
    if (auto e = decode_allocation(*body, in)) return json_error(*e);
    return done_or_error(enrolments.allocate(*req.actor, *id, in.staff_id, in.override_reason),
                         {{"id", *id}, {"staff_id", in.staff_id}});
  });

  router.add("PUT", "/api/v1/enrolments/{id}/plan", Auth::session, true, [&services, &enrolments](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Plan plan;
    int expected = -1;  // no check unless the client says which version it read
    if (auto e = decode_plan(*body, lookups_for(services, *req.actor), plan, expected)) return json_error(*e);
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
    if (auto e = decode_contact(*body, c)) return json_error(*e);
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
    if (auto e = decode_follow_up(*body, f)) return json_error(*e);
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
    FinalReportSentInput in;
    if (auto e = decode_final_report_sent(*body, in)) return json_error(*e);
    return done_or_error(enrolments.mark_final_report_sent(*req.actor, *id, in.date, in.to),
                         {{"id", *id}, {"final_report_sent_on", in.date}});
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
      if (t.meeting_id) item["meeting_id"] = t.meeting_id;
      if (t.programme_id) item["programme_id"] = t.programme_id;
      if (t.requisition_id) item["requisition_id"] = t.requisition_id;
      if (t.months) item["months"] = t.months;
      items.push_back(item);
    }
    return json_list(items, r->size());
  });
}

}  // namespace stegvis::http
