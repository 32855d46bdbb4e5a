// The meeting pages (issue #8): a programme's bodies with their meetings and a
// form for the next one, and the meeting page itself: the agenda with its
// standing items filled in from the data, the minutes form (decisions and
// actions with owner and due date), approval, correction, PDF and calendar.
#include <cmath>

#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "http/steering_json.hpp"

namespace stegvis::http {
namespace {

std::string whole_pct(double v) { return std::to_string(static_cast<long>(std::lround(v))); }
std::string signed_whole_pct(double v) {
  long n = std::lround(v);
  return n > 0 ? "+" + std::to_string(n) : n < 0 ? "−" + std::to_string(-n) : "0";
}

constexpr int kBlankActionRows = 3;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) out.push_back(line);
    start = end + 1;
  }
  return out;
}

std::string join_lines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "\n") + s;
  return out;
}

app::MinutesInput read_minutes_form(const Request& req) {
  app::MinutesInput in;
  in.text = req.form_value("text");
  in.decisions = lines_of(req.form_value("decisions"));
  std::vector<std::string> texts, owners, dues;
  for (const auto& [k, v] : req.form()) {
    if (k == "action_text") texts.push_back(v);
    if (k == "action_owner") owners.push_back(v);
    if (k == "action_due") dues.push_back(v);
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    std::string owner = i < owners.size() ? owners[i] : "", due = i < dues.size() ? dues[i] : "";
    bool blank = texts[i].find_first_not_of(" \t") == std::string::npos && owner.empty() && due.empty();
    if (!blank) in.actions.push_back({texts[i], owner, due});
  }
  return in;
}

Response meeting_page(app::Services& services, PageRenderer& pages, const Request& req, Id id,
                      const app::MinutesInput* entered, const Error* error) {
  auto v = services.governance.meeting(*req.actor, id);
  if (!v) return error_response(pages, req, v.error());
  json view = to_json(*v);
  view["title"] = v->body.name + " " + v->meeting.date;
  if (v->meeting.place.empty()) view["place"] = false;  // the template shows a dash
  view["programme_id"] = v->body.programme_id;
  view["this_meeting"] = v->meeting.id;
  view["body_id"] = v->body.id;  // inside the open actions, "id" is the action's
  view["may_edit"] = v->may_edit;
  view["may_correct"] = v->may_manage && v->meeting.minutes && v->meeting.minutes->approved();
  view["may_approve"] = v->may_edit && v->meeting.minutes.has_value();
  view["has_new_participants"] = !v->new_participants.empty();
  view["has_open_actions"] = !v->open_actions.empty();
  view["is_team"] = v->body.kind == BodyKind::samverkansteam;
  view["has_flow"] = v->body.kind != BodyKind::styrgrupp;
  view["has_volumes"] = !v->volumes.empty();
  view["saved"] = req.query_value("saved").empty() ? json(false) : json(pages.text(req, "gov_saved_" + req.query_value("saved")));
  std::string ics = "/api/v1/programmes/" + std::to_string(v->body.programme_id) +
                    "/meetings.ics?body=" + std::string(to_code(v->body.kind)) +
                    (v->body.unit_id ? "&unit=" + std::to_string(*v->body.unit_id) : "");
  view["ics_href"] = ics;
  // Each agenda item with what the data says under it.
  json agenda = json::array();
  int n = 0;
  for (const auto& a : v->meeting.agenda) {
    json item{{"n", ++n}, {"text", a.text}};
    for (const char* code : {"new_participants", "flow", "open_actions", "volumes", "staffing", "activity_plan"})
      item[std::string("is_") + code] = a.standing == code;
    agenda.push_back(item);
  }
  view["agenda_items"] = agenda;
  // Who may tick an earlier meeting's action off here: its owner, or whoever manages the body.
  for (std::size_t i = 0; i < v->open_actions.size(); ++i) {
    const auto& a = v->open_actions[i].action;
    view["open_actions"][i]["may_close"] = v->may_manage || (a.owner_user_id && *a.owner_user_id == req.actor->user_id);
  }
  if (v->body.kind == BodyKind::styrgrupp)
    if (auto f = app::steering_figures(services.env, *req.actor, v->body.programme_id, v->meeting.date)) {
      json steering = steering_json(*f);
      json status = json::array();
      for (const char* s : {"planned", "ongoing", "done", "cancelled"})
        status.push_back({{"label", activity_status_label(s)}, {"count", f->plan_status[s]}});
      steering["status_list"] = status;
      // Registered against planned, as the financing page shows it: whole points, a marked difference.
      for (std::size_t i = 0; i < f->staffing.size(); ++i) {
        const auto& r = f->staffing[i];
        auto& row = steering["staffing"][i];
        row["fte_pct"] = whole_pct(r.fte_pct);
        row["planned"] = r.planned_fte_pct ? whole_pct(*r.planned_fte_pct) : "–";
        row["difference"] = r.planned_fte_pct ? signed_whole_pct(r.difference()) : "–";
        row["differs"] = r.planned_fte_pct && std::abs(r.difference()) >= 1.0;
      }
      view["steering"] = steering;
    }
  // The minutes form: what was entered (after an error), else the stored draft.
  json form{{"text", ""}, {"decisions", ""}, {"actions", json::array()}};
  if (entered) {
    form["text"] = entered->text;
    form["decisions"] = join_lines(entered->decisions);
    for (const auto& a : entered->actions) form["actions"].push_back({{"text", a.text}, {"owner", a.owner}, {"due", a.due}});
  } else if (v->meeting.minutes) {
    const auto& m = *v->meeting.minutes;
    form["text"] = m.text;
    form["decisions"] = join_lines(m.decisions);
    for (const auto& a : m.actions) form["actions"].push_back({{"text", a.text}, {"owner", a.owner}, {"due", a.due}});
  }
  for (int i = 0; i < kBlankActionRows; ++i) form["actions"].push_back({{"text", ""}, {"owner", ""}, {"due", ""}});
  int row = 0;
  for (auto& a : form["actions"]) a["row"] = ++row;
  view["form"] = form;
  if (error) {
    view["error"] = error->message;
    view["error_field"] = error->field;
  }
  return pages.render(req, "gov_meeting", view.dump(), error ? status_for(error->code) : 200);
}

Response meetings_page(app::Services& services, PageRenderer& pages, const Request& req, Id programme_id,
                       const app::MeetingInput* entered, const Error* error) {
  auto p = services.organisation.programme(*req.actor, programme_id);
  if (!p) return error_response(pages, req, p.error());
  auto bodies = services.governance.bodies(*req.actor, programme_id);
  if (!bodies) return error_response(pages, req, bodies.error());
  std::string today = app::today_string(services.env);
  json list = json::array();
  for (const auto& b : *bodies) {
    json meetings = json::array();
    for (auto it = b.meetings.rbegin(); it != b.meetings.rend(); ++it)
      meetings.push_back({{"id", it->id}, {"date", it->date}, {"time", it->time},
                          {"upcoming", it->date >= today},
                          {"status", pages.text(req, !it->minutes ? "gov_status_none"
                                                     : it->minutes->approved() ? "gov_status_approved"
                                                                               : "gov_status_draft")}});
    list.push_back({{"id", b.body.id}, {"name", b.body.name}, {"meetings", meetings}, {"has_meetings", !b.meetings.empty()},
                    {"next_date", b.next_date ? json(*b.next_date) : json(false)},
                    {"interval_days", b.body.interval_days > 0 ? json(b.body.interval_days) : json(false)}});
  }
  // The bodies the actor may plan a meeting for.
  json choices = json::array();
  bool chief = req.actor->has_role(Role::forbundschef) || req.actor->has_role(Role::insatsansvarig);
  std::string chosen = entered ? entered->body + ":" + (entered->unit_id ? std::to_string(*entered->unit_id) : "") : "";
  if (chief) choices.push_back({{"value", "styrgrupp:"}, {"label", "Styrgrupp"}, {"selected", chosen == "styrgrupp:"}});
  for (const auto& u : p->units)
    if (req.actor->has_role_in_unit(Role::samordnare, u.id))
      for (auto k : {BodyKind::samverkansteam, BodyKind::personalmote}) {
        std::string value = std::string(to_code(k)) + ":" + std::to_string(u.id);
        choices.push_back({{"value", value}, {"label", body_kind_label(k) + " " + u.name}, {"selected", chosen == value}});
      }
  json view{{"title", pages.text(req, "gov_meetings_title") + " – " + p->name},
            {"programme", {{"id", p->id}, {"name", p->name}}},
            {"bodies", list},
            {"has_bodies", !list.empty()},
            {"may_plan", !choices.empty()},
            {"choices", choices},
            {"date", entered ? entered->date : ""},
            {"time", entered ? entered->time : "13:00"},
            {"place", entered ? entered->place : ""},
            {"agenda", entered ? join_lines(entered->agenda) : ""}};
  if (error) {
    view["error"] = error->message;
    view["error_" + (error->field.empty() ? std::string("form") : error->field)] = true;
  }
  return pages.render(req, "gov_meetings", view.dump(), error ? status_for(error->code) : 200);
}

}  // namespace

void add_meeting_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/programmes/{id}/meetings", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return meetings_page(services, pages, req, *id, nullptr, nullptr);
  });

  router.add("POST", "/programmes/{id}/meetings", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    app::MeetingInput in;
    std::string choice = req.form_value("body");
    auto colon = choice.find(':');
    in.body = choice.substr(0, colon);
    if (colon != std::string::npos && colon + 1 < choice.size()) in.unit_id = form_id(choice.substr(colon + 1));
    in.date = req.form_value("date");
    in.time = req.form_value("time");
    in.place = req.form_value("place");
    in.agenda = lines_of(req.form_value("agenda"));
    auto r = services.governance.create_meeting(*req.actor, *id, in);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return meetings_page(services, pages, req, *id, &in, &r.error());
    }
    return Response::redirect("/meetings/" + std::to_string(r->id) + "?saved=created");
  });

  router.add("GET", "/meetings/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return meeting_page(services, pages, req, *id, nullptr, nullptr);
  });

  router.add("POST", "/meetings/{id}/minutes", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto in = read_minutes_form(req);
    auto r = services.governance.save_minutes(*req.actor, *id, in);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return meeting_page(services, pages, req, *id, &in, &r.error());
    }
    return Response::redirect("/meetings/" + std::to_string(*id) + "?saved=minutes#protokoll");
  });

  router.add("POST", "/meetings/{id}/approve", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto r = services.governance.approve_minutes(*req.actor, *id);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return meeting_page(services, pages, req, *id, nullptr, &r.error());
    }
    return Response::redirect("/meetings/" + std::to_string(*id) + "?saved=approved#protokoll");
  });

  router.add("POST", "/meetings/{id}/correct", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto r = services.governance.correct_minutes(*req.actor, *id);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return meeting_page(services, pages, req, *id, nullptr, &r.error());
    }
    return Response::redirect("/meetings/" + std::to_string(*id) + "?saved=corrected#protokoll");
  });

  router.add("POST", "/actions/{id}/done", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto back = form_id(req.form_value("meeting"));
    auto r = services.governance.close_action(*req.actor, *id);
    if (!r && (r.error().code != ErrorCode::conflict || !back)) return error_response(pages, req, r.error());
    if (!back) return Response::redirect("/");
    return Response::redirect("/meetings/" + std::to_string(*back) + "?saved=action_done");
  });

  router.add("GET", "/meetings/{id}/minutes.pdf", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto r = services.governance.meeting_pdf(*req.actor, *id);
    if (!r) return error_response(pages, req, r.error());
    Response res{200, "application/pdf", std::move(*r), {}};
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"protokoll-" + std::to_string(*id) + ".pdf\"");
    return res;
  });
}

}  // namespace stegvis::http
