// /api/v1 governance (api.md "Governance and learning"): meetings of the
// programme's bodies, their minutes with approval and corrections, the PDF
// and the calendar feed. Handlers translate; the use cases decide.
#include "http/api_routes.hpp"
#include "http/steering_json.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/request_decoders.hpp"

namespace stegvis::http {

json to_json(const Minutes& m) {
  json actions = json::array();
  for (const auto& a : m.actions)
    actions.push_back({{"id", a.id},
                       {"text", a.text},
                       {"owner", a.owner},
                       {"owner_user_id", a.owner_user_id ? json(*a.owner_user_id) : json(nullptr)},
                       {"due", a.due},
                       {"done_on", a.done_on.empty() ? json(nullptr) : json(a.done_on)}});
  return {{"version", m.version},
          {"text", m.text},
          {"decisions", m.decisions},
          {"actions", actions},
          {"approved", m.approved()},
          {"approved_on", m.approved() ? json(m.approved_on) : json(nullptr)},
          {"approved_by", m.approved() ? json(m.approved_by) : json(nullptr)}};
}

json to_json(const app::Cell& c) { return c.suppressed ? json(app::cell_text(c)) : json(c.value); }

json to_json(const app::MeetingView& v) {
  const auto& m = v.meeting;
  json agenda = json::array();
  for (const auto& a : m.agenda) agenda.push_back({{"text", a.text}, {"standing", a.standing.empty() ? json(nullptr) : json(a.standing)}});
  json members = json::array();
  for (const auto& x : v.members)
    members.push_back({{"name", x.name},
                       {"party_id", x.party_id ? json(*x.party_id) : json(nullptr)},
                       {"start_date", x.start_date},
                       {"end_date", x.end_date.empty() ? json(nullptr) : json(x.end_date)}});
  json open = json::array();
  for (const auto& a : v.open_actions)
    open.push_back({{"id", a.action.id}, {"text", a.action.text}, {"owner", a.action.owner}, {"due", a.action.due},
                    {"meeting_id", a.action.meeting_id}, {"meeting_date", a.meeting_date}});
  json out{{"id", m.id},
           {"body", to_code(v.body.kind)},
           {"body_id", v.body.id},
           {"body_name", v.body.name},
           {"programme", v.programme},
           {"unit", v.body.unit_id ? json(*v.body.unit_id) : json(nullptr)},
           {"unit_name", v.unit.empty() ? json(nullptr) : json(v.unit)},
           {"date", m.date},
           {"time", m.time.empty() ? json(nullptr) : json(m.time)},
           {"duration_minutes", m.duration_minutes},
           {"place", m.place},
           {"agenda", agenda},
           {"attendees", m.attendees},
           {"apologies", m.apologies},
           {"members", members},
           {"previous_date", v.previous_date ? json(*v.previous_date) : json(nullptr)},
           {"next_date", v.next_date ? json(*v.next_date) : json(nullptr)},
           {"open_actions", open},
           {"minutes", m.minutes ? to_json(*m.minutes) : json(nullptr)}};
  if (v.body.kind != BodyKind::styrgrupp) out["figures"] = {{"inflow", to_json(v.inflow)}, {"outflow", to_json(v.outflow)}};
  if (v.body.kind == BodyKind::samverkansteam) {
    json np = json::array();
    for (const auto& p : v.new_participants)
      np.push_back({{"enrolment_id", p.enrolment_id}, {"label", p.label}, {"named", p.named}, {"start_date", p.start_date}});
    out["new_participants"] = np;
  }
  if (!v.volumes.empty()) {
    json rows = json::array();
    for (const auto& r : v.volumes)
      rows.push_back({{"unit", r.unit}, {"track", r.track}, {"active", to_json(r.active)},
                      {"started", to_json(r.started)}, {"exited", to_json(r.exited)}});
    out["volumes"] = rows;
  }
  return out;
}

nlohmann::json steering_json(const app::SteeringFigures& f) {
  json staffing = json::array();
  for (const auto& r : f.staffing)
    staffing.push_back({{"unit", r.unit}, {"fte_pct", r.fte_pct},
                        {"planned_fte_pct", r.planned_fte_pct ? json(*r.planned_fte_pct) : json(nullptr)},
                        {"difference", r.planned_fte_pct ? json(r.difference()) : json(nullptr)},
                        {"capacity", r.capacity}, {"active", r.active < 0 ? json(app::active_text(r)) : json(r.active)}});
  json status = json::object();
  for (const auto& [k, n] : f.plan_status) status[k] = n;
  return {{"staffing", staffing},
          {"agreement_year", f.agreement_year ? json(*f.agreement_year) : json(nullptr)},
          {"activity_plan", {{"semester", f.semester}, {"status", status}, {"overdue", f.overdue}}}};
}

void add_governance_routes(Router& router, app::Services& services) {
  auto& gov = services.governance;

  router.add("POST", "/api/v1/programmes/{id}/meetings", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::MeetingInput in;
    if (auto e = decode_meeting(*body, in)) return json_error(*e);
    auto r = gov.create_meeting(*req.actor, *id, in);
    if (!r) return json_error(r.error());
    json agenda = json::array();
    for (const auto& a : r->agenda) agenda.push_back(a.text);
    return json_response({{"id", r->id}, {"agenda", agenda}}, 201);
  });

  router.add("GET", "/api/v1/programmes/{id}/meetings", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    auto r = gov.bodies(*req.actor, *id);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& b : *r) {
      json meetings = json::array();
      for (const auto& m : b.meetings)
        meetings.push_back({{"id", m.id}, {"date", m.date}, {"time", m.time.empty() ? json(nullptr) : json(m.time)},
                            {"minutes_version", m.minutes ? json(m.minutes->version) : json(nullptr)},
                            {"approved", m.minutes && m.minutes->approved()}});
      items.push_back({{"id", b.body.id}, {"body", to_code(b.body.kind)}, {"name", b.body.name},
                       {"unit", b.body.unit_id ? json(*b.body.unit_id) : json(nullptr)},
                       {"interval_days", b.body.interval_days}, {"meetings", meetings},
                       {"next_date", b.next_date ? json(*b.next_date) : json(nullptr)}});
    }
    return json_list(items, items.size());
  });

  router.add("GET", "/api/v1/programmes/{id}/meetings.ics", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    std::optional<Id> unit;
    if (auto u = req.query_value("unit"); !u.empty()) {
      unit = parse_id(u);
      if (!unit) return json_error(invalid("unit", "Parametern unit ska vara länsdelens id."));
    }
    auto r = gov.calendar(*req.actor, *id, req.query_value("body"), unit);
    if (!r) return json_error(r.error());
    Response res{200, "text/calendar; charset=utf-8", std::move(*r), {}};
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"moten.ics\"");
    return res;
  });

  router.add("GET", "/api/v1/meetings/{id}", Auth::session, true, [&gov, &services](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Mötet finns inte."));
    auto r = gov.meeting(*req.actor, *id);
    if (!r) return json_error(r.error());
    json out = to_json(*r);
    if (r->body.kind == BodyKind::styrgrupp)
      if (auto f = app::steering_figures(services.env, *req.actor, r->body.programme_id, r->meeting.date))
        out.update(steering_json(*f));
    return json_response(out);
  });

  router.add("PUT", "/api/v1/meetings/{id}/minutes", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Mötet finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::MinutesInput in;
    if (auto e = decode_minutes(*body, in)) return json_error(*e);
    auto r = gov.save_minutes(*req.actor, *id, in);
    if (!r) return json_error(r.error());
    return json_response({{"id", *id}});
  });

  router.add("POST", "/api/v1/meetings/{id}/minutes/approve", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Mötet finns inte."));
    auto r = gov.approve_minutes(*req.actor, *id);
    if (!r) return json_error(r.error());
    return json_response({{"id", *id}, {"approved", true}});
  });

  router.add("POST", "/api/v1/meetings/{id}/minutes/corrections", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Mötet finns inte."));
    auto r = gov.correct_minutes(*req.actor, *id);
    if (!r) return json_error(r.error());
    return json_response({{"id", *id}, {"version", *r}}, 201);
  });

  router.add("GET", "/api/v1/meetings/{id}/minutes/versions", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Mötet finns inte."));
    auto r = gov.minutes_history(*req.actor, *id);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& m : *r) items.push_back(to_json(m));
    return json_list(items, items.size());
  });

  router.add("GET", "/api/v1/meetings/{id}/minutes.pdf", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Mötet finns inte."));
    auto r = gov.meeting_pdf(*req.actor, *id);
    if (!r) return json_error(r.error());
    Response res{200, "application/pdf", std::move(*r), {}};
    res.headers.emplace_back("Content-Disposition",
                             "attachment; filename=\"protokoll-" + std::to_string(*id) + ".pdf\"");
    return res;
  });

  router.add("POST", "/api/v1/actions/{id}/done", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Åtgärden finns inte."));
    auto r = gov.close_action(*req.actor, *id);
    if (!r) return json_error(r.error());
    return json_response({{"id", *id}, {"done", true}});
  });

  router.add("GET", "/api/v1/bodies/{id}/members", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Organet finns inte."));
    auto r = gov.members(*req.actor, *id);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& v : r->members)
      items.push_back({{"id", v.member.id}, {"name", v.member.name},
                       {"party", v.party.empty() ? json(nullptr) : json(v.party)},
                       {"party_id", v.member.party_id ? json(*v.member.party_id) : json(nullptr)},
                       {"username", v.username.empty() ? json(nullptr) : json(v.username)},
                       {"start", v.member.start_date},
                       {"end", v.member.end_date.empty() ? json(nullptr) : json(v.member.end_date)},
                       {"active", v.active}});
    return json_list(items, items.size());
  });

  router.add("POST", "/api/v1/bodies/{id}/members", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Organet finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::MemberInput in;
    if (auto e = decode_member(*body, in)) return json_error(*e);
    auto r = gov.add_member(*req.actor, *id, in);
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}}, 201);
  });

  router.add("POST", "/api/v1/members/{id}/end", Auth::session, true, [&gov](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Ledamoten finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    std::string date;
    if (auto e = read_string(*body, "date", date, false)) return json_error(*e);
    auto r = gov.end_member(*req.actor, *id, date);
    if (!r) return json_error(r.error());
    return json_response({{"id", *id}, {"ended", true}});
  });
}

}  // namespace stegvis::http
