#include "app/governance_service.hpp"

#include <algorithm>
#include <cmath>
#include <array>
#include <ctime>
#include <map>
#include <set>

#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "app/steering_figures.hpp"
#include "domain/programme_plan.hpp"
#include "domain/report_facts.hpp"
#include "domain/small_cells.hpp"
#include "domain/validation.hpp"
#include "reports/ics_writer.hpp"
#include "reports/meeting_pdf.hpp"

namespace stegvis::app {
namespace {

Error deny(Env& env, const Actor& a, const std::string& type, Id id, const std::string& what) {
  record_standalone(env, a, "access.denied", type, std::to_string(id));
  return forbidden("Du har inte behörighet att " + what + ".");
}

std::string body_name(BodyKind k, const std::string& programme, const std::string& unit) {
  if (k == BodyKind::styrgrupp) return "Styrgrupp " + programme;
  return body_kind_label(k) + " " + unit;
}

int default_interval(BodyKind k) {
  switch (k) {
    case BodyKind::samverkansteam: return 14;
    case BodyKind::personalmote: return 7;
    case BodyKind::styrgrupp: return 0;
  }
  return 0;
}

Cell cell(int n, bool suppress) {
  if (suppress && is_small_cell(n)) return {-1, true};
  return {n, false};
}

std::string utc_stamp(std::int64_t now) {
  std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[20];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

}  // namespace

std::string cell_text(const Cell& c) {
  return c.withheld ? ".." : c.suppressed ? "<5" : std::to_string(c.value);
}

bool may_read_body(const Actor& a, const Body& b, const std::vector<BodyMember>& members) {
  for (const auto& m : members)
    if (m.user_id && *m.user_id == a.user_id && m.end_date.empty()) return true;
  if (b.kind == BodyKind::styrgrupp)
    return a.has_role(Role::forbundschef) || a.has_role(Role::insatsansvarig) || a.has_role(Role::styrgrupp);
  return b.unit_id && a.has_any_role_in_unit(*b.unit_id);
}

bool may_manage_body(const Actor& a, const Body& b) {
  if (b.kind == BodyKind::styrgrupp) return a.has_role(Role::forbundschef) || a.has_role(Role::insatsansvarig);
  return b.unit_id && a.has_role_in_unit(Role::samordnare, *b.unit_id);
}

Result<MeetingCreated> GovernanceService::create_meeting(const Actor& actor, Id programme_id, const MeetingInput& in) {
  auto kind = body_kind_from_code(in.body);
  if (!kind) return invalid("body", "Ange body: styrgrupp, samverkansteam eller personalmote.");
  if (is_unit_body(*kind) && !in.unit_id)
    return invalid("unit", "Ett " + body_kind_label(*kind) + " hör till en länsdel: ange unit.");
  if (!is_unit_body(*kind) && in.unit_id) return invalid("unit", "Styrgruppen hör till insatsen, inte till en länsdel.");
  auto tx = env_.db.begin(true);
  auto programme = tx->organisation().programme(programme_id);
  if (!programme) return not_found("Insatsen finns inte.");
  std::string unit_name;
  if (in.unit_id) {
    auto unit = tx->organisation().unit(*in.unit_id);
    if (!unit || unit->programme_id != programme_id) return invalid("unit", "Länsdelen hör inte till insatsen.");
    unit_name = unit->name;
  }
  Body body;
  if (auto b = tx->governance().find_body(programme_id, in.unit_id, *kind)) {
    body = *b;
  } else {
    body.programme_id = programme_id;
    body.unit_id = in.unit_id;
    body.kind = *kind;
    body.name = body_name(*kind, programme->name, unit_name);
    body.interval_days = default_interval(*kind);
  }
  if (!may_manage_body(actor, body)) {
    tx.reset();
    return deny(env_, actor, "programme", programme_id, "planera möten för " + body.name);
  }
  Meeting m;
  m.date = in.date;
  m.time = in.time;
  m.place = in.place.empty() ? body.place : in.place;
  m.duration_minutes = in.duration_minutes > 0 ? in.duration_minutes : body.duration_minutes;
  if (in.agenda.size() > kMaxAgendaItems)
    return invalid("agenda", "Högst " + std::to_string(kMaxAgendaItems) + " punkter på dagordningen.");
  // Named by the position the writer gave, before the standing items go first.
  for (std::size_t i = 0; i < in.agenda.size(); ++i)
    if (auto e = check_text("agenda[" + std::to_string(i) + "]", in.agenda[i], kMaxItemText, false)) return *e;
  m.agenda = build_agenda(*kind, in.agenda);
  m.attendees = in.attendees;
  m.apologies = in.apologies;
  if (auto e = check_new_meeting(m, *parse_date(today_string(env_)))) return *e;
  if (body.id == 0) body.id = tx->governance().save_body(body);
  m.body_id = body.id;
  Id id = tx->governance().create_meeting(m, actor.user_id, env_.now());
  record(*tx, env_.now(), actor, "meeting.create", "meeting", std::to_string(id), std::string(to_code(*kind)));
  tx->commit();
  return MeetingCreated{id, m.agenda};
}

Result<MeetingView> GovernanceService::meeting(const Actor& actor, Id meeting_id) {
  MeetingView v;
  std::vector<std::pair<Id, std::string>> named;  // for the audit: whose names were shown
  {
    auto tx = env_.db.begin(false);
    auto& g = tx->governance();
    auto m = g.meeting(meeting_id);
    if (!m) return not_found("Mötet finns inte.");
    auto body = g.body(m->body_id);
    v.members = g.members(m->body_id);
    if (!body || !may_read_body(actor, *body, v.members)) {
      tx.reset();
      return deny(env_, actor, "meeting", meeting_id, "läsa det här mötet");
    }
    v.body = *body;
    v.meeting = *m;
    v.may_manage = may_manage_body(actor, *body);
    v.may_edit = v.may_manage && !(m->minutes && m->minutes->approved());
    auto programme = tx->organisation().programme(body->programme_id);
    v.programme = programme ? programme->name : "";
    if (body->unit_id)
      if (auto u = tx->organisation().unit(*body->unit_id)) v.unit = u->name;

    for (const auto& other : g.meetings(body->id))
      if (other.date < m->date || (other.date == m->date && other.id < m->id)) v.previous_date = other.date;
    if (body->interval_days > 0) v.next_date = to_string(add_days(*parse_date(m->date), body->interval_days));
    v.open_actions = g.open_actions_of_body(body->id, m->date);

    // Figures since the previous meeting (or one interval back) up to the day before this one.
    Date to = add_days(*parse_date(m->date), -1);
    Date from = v.previous_date ? *parse_date(*v.previous_date)
                                : add_days(*parse_date(m->date), -(body->interval_days > 0 ? body->interval_days : 30));
    if (to < from) to = from;
    auto facts = tx->reports().facts(body->programme_id, to_string(from), to_string(*parse_date(m->date)));
    if (body->kind == BodyKind::samverkansteam || body->kind == BodyKind::personalmote) {
      int in = 0, out = 0;
      for (const auto& f : facts) {
        if (f.unit_id != *body->unit_id) continue;
        if (started_in(f, from, to)) ++in;
        if (exited_in(f, from, to)) ++out;
      }
      v.inflow = {in, false};
      v.outflow = {out, false};
    }
    if (body->kind == BodyKind::samverkansteam && actor.has_any_role_in_unit(*body->unit_id)) {
      std::vector<Id> parties;
      for (const auto& mem : v.members)
        if (mem.party_id && (mem.end_date.empty() || mem.end_date >= m->date) && mem.start_date <= m->date)
          parties.push_back(*mem.party_id);
      std::sort(parties.begin(), parties.end());
      parties.erase(std::unique(parties.begin(), parties.end()), parties.end());
      for (const auto& f : facts) {
        if (f.unit_id != *body->unit_id || !started_in(f, from, to)) continue;
        NewParticipant p{f.enrolment_id, "#" + std::to_string(f.enrolment_id), false, to_string(f.start)};
        auto e = tx->participants().enrolment(f.enrolment_id);
        if (e && !e->anonymous && e->person_id && !e->purged() &&
            consent_covers(tx->participants().consents(f.enrolment_id), parties)) {
          if (auto who = tx->participants().identity(*e->person_id)) {
            p.label = who->first_name + " " + who->last_name + " (#" + std::to_string(f.enrolment_id) + ")";
            p.named = true;
            named.emplace_back(f.enrolment_id, p.label);
          }
        }
        v.new_participants.push_back(std::move(p));
      }
    }
    if (body->kind == BodyKind::styrgrupp && programme) {
      // Aggregates per unit and track as of the meeting day; small cells hidden.
      std::map<Id, std::string> units;
      for (const auto& u : programme->units) units[u.id] = u.name;
      std::map<std::pair<std::string, std::string>, std::array<int, 3>> rows;
      Date day = *parse_date(m->date);
      for (const auto& f : facts) {
        auto& r = rows[{units[f.unit_id], f.track}];
        if (active_in(f, day, day)) ++r[0];
        if (started_in(f, from, to)) ++r[1];
        if (exited_in(f, from, to)) ++r[2];
      }
      for (const auto& u : programme->units)
        for (const auto& t : programme->tracks) {
          auto r = rows[{u.name, t.code}];
          v.volumes.push_back({u.name, t.name, cell(r[0], true), cell(r[1], true), cell(r[2], true)});
        }
      // The actives add up to each unit's and the programme's, which the staffing figures and the
      // dashboard show: with one of them hidden, all are, or subtraction would give it back.
      bool any_hidden = std::any_of(v.volumes.begin(), v.volumes.end(), [](const VolumeRow& r) { return r.active.suppressed; });
      if (any_hidden)
        for (auto& r : v.volumes)
          if (!r.active.suppressed) r.active = {-1, true, true};
    }
  }
  for (const auto& [id, label] : named) record_standalone(env_, actor, "meeting.participant_named", "enrolment",
                                                           std::to_string(id), "meeting " + std::to_string(meeting_id));
  return v;
}

Result<std::vector<BodyMeetings>> GovernanceService::bodies(const Actor& actor, Id programme_id) {
  auto tx = env_.db.begin(false);
  if (!tx->organisation().programme(programme_id)) return not_found("Insatsen finns inte.");
  std::vector<BodyMeetings> out;
  Date today = *parse_date(today_string(env_));
  for (const auto& b : tx->governance().bodies(programme_id)) {
    if (!may_read_body(actor, b, tx->governance().members(b.id))) continue;
    BodyMeetings bm{b, tx->governance().meetings(b.id), std::nullopt};
    bool planned = false;
    for (const auto& m : bm.meetings) planned = planned || *parse_date(m.date) >= today;
    if (!planned && !bm.meetings.empty() && b.interval_days > 0)
      if (auto next = next_occurrence(*parse_date(bm.meetings.front().date), b.interval_days, today))
        bm.next_date = to_string(*next);
    out.push_back(std::move(bm));
  }
  return out;
}

Status GovernanceService::save_minutes(const Actor& actor, Id meeting_id, const MinutesInput& in) {
  Minutes next;
  next.text = in.text;
  next.decisions = in.decisions;
  for (const auto& a : in.actions) next.actions.push_back({0, meeting_id, a.text, a.owner, std::nullopt, a.due, ""});
  if (auto e = check_minutes(next)) return *e;
  auto tx = env_.db.begin(true);
  auto& g = tx->governance();
  auto m = g.meeting(meeting_id);
  if (!m) return not_found("Mötet finns inte.");
  auto body = g.body(m->body_id);
  if (!body || !may_manage_body(actor, *body)) {
    tx.reset();
    return deny(env_, actor, "meeting", meeting_id, "skriva protokoll för det här mötet");
  }
  if (m->minutes && m->minutes->approved())
    return conflict("Protokollet är justerat och låst. En rättelse görs som en ny version.", "minutes");
  next.version = m->minutes ? m->minutes->version : 1;
  for (auto& a : next.actions) {
    // An owner given as a username is a person with a login: the action lands in their due work.
    if (auto s = tx->staff().by_username(a.owner); s && !s->disabled) {
      a.owner_user_id = s->id;
      a.owner = s->name;
    }
    if (m->minutes)
      for (const auto& old : m->minutes->actions)
        if (old.text == a.text && old.owner == a.owner) a.done_on = old.done_on;
  }
  g.save_minutes(meeting_id, next, actor.user_id, env_.now());
  record(*tx, env_.now(), actor, "minutes.save", "meeting", std::to_string(meeting_id),
         "version " + std::to_string(next.version));
  tx->commit();
  return done();
}

Result<int> GovernanceService::correct_minutes(const Actor& actor, Id meeting_id) {
  auto tx = env_.db.begin(true);
  auto& g = tx->governance();
  auto m = g.meeting(meeting_id);
  if (!m) return not_found("Mötet finns inte.");
  auto body = g.body(m->body_id);
  if (!body || !may_manage_body(actor, *body)) {
    tx.reset();
    return deny(env_, actor, "meeting", meeting_id, "rätta protokollet för det här mötet");
  }
  if (!m->minutes || !m->minutes->approved())
    return conflict("Bara ett justerat protokoll rättas med en ny version; utkastet kan ändras direkt.", "minutes");
  Minutes next = *m->minutes;
  next.version += 1;
  next.approved_on.clear();
  next.approved_by.clear();
  g.save_minutes(meeting_id, next, actor.user_id, env_.now());
  record(*tx, env_.now(), actor, "minutes.correct", "meeting", std::to_string(meeting_id),
         "version " + std::to_string(next.version));
  tx->commit();
  return next.version;
}

Status GovernanceService::approve_minutes(const Actor& actor, Id meeting_id) {
  auto tx = env_.db.begin(true);
  auto& g = tx->governance();
  auto m = g.meeting(meeting_id);
  if (!m) return not_found("Mötet finns inte.");
  auto body = g.body(m->body_id);
  if (!body || !may_manage_body(actor, *body)) {
    tx.reset();
    return deny(env_, actor, "meeting", meeting_id, "justera protokollet för det här mötet");
  }
  if (!m->minutes) return conflict("Det finns inget protokoll att justera ännu.", "minutes");
  if (m->minutes->approved()) return conflict("Protokollet är redan justerat.", "minutes");
  // Minutes may be drafted ahead, but only what was said at the meeting can be approved.
  if (today_string(env_) < m->date)
    return conflict("Protokollet kan justeras först på mötesdagen, " + m->date + ".", "minutes");
  g.approve_minutes(meeting_id, m->minutes->version, today_string(env_), actor.user_id, actor.name);
  record(*tx, env_.now(), actor, "minutes.approve", "meeting", std::to_string(meeting_id),
         "version " + std::to_string(m->minutes->version));
  tx->commit();
  return done();
}

Result<std::vector<Minutes>> GovernanceService::minutes_history(const Actor& actor, Id meeting_id) {
  auto tx = env_.db.begin(false);
  auto m = tx->governance().meeting(meeting_id);
  if (!m) return not_found("Mötet finns inte.");
  auto body = tx->governance().body(m->body_id);
  if (!body || !may_read_body(actor, *body, tx->governance().members(body->id))) {
    tx.reset();
    return deny(env_, actor, "meeting", meeting_id, "läsa det här mötet");
  }
  return tx->governance().minutes_history(meeting_id);
}

Status GovernanceService::close_action(const Actor& actor, Id action_id) {
  auto tx = env_.db.begin(true);
  auto a = tx->governance().action(action_id);
  if (!a) return not_found("Åtgärden finns inte.");
  auto body = tx->governance().body(a->body_id);
  bool own = a->action.owner_user_id && *a->action.owner_user_id == actor.user_id;
  if (!body || !(own || may_manage_body(actor, *body))) {
    tx.reset();
    return deny(env_, actor, "action", action_id, "klarmarkera den här åtgärden");
  }
  if (!a->action.done_on.empty()) return conflict("Åtgärden är redan klar.");
  tx->governance().close_action(action_id, today_string(env_));
  record(*tx, env_.now(), actor, "action.done", "action", std::to_string(action_id));
  tx->commit();
  return done();
}

Result<std::string> GovernanceService::meeting_pdf(const Actor& actor, Id meeting_id) {
  auto v = meeting(actor, meeting_id);
  if (!v) return v.error();
  reports::MeetingDocument d;
  d.title = v->body.name;
  d.programme = v->programme;
  d.unit = v->unit;
  d.meeting = v->meeting;
  d.members = v->members;
  for (const auto& a : v->open_actions)
    d.open_actions.push_back(a.action.text + " – " + a.action.owner + ", senast " + a.action.due);
  for (const auto& p : v->new_participants) d.new_participants.push_back(p.label + ", start " + p.start_date);
  if (v->body.kind != BodyKind::styrgrupp) {
    d.flow = "Inflöde " + std::to_string(v->inflow.value) + ", utflöde " + std::to_string(v->outflow.value) +
             (v->previous_date ? " sedan mötet " + *v->previous_date : "");
  }
  for (const auto& r : v->volumes) {
    d.volumes.push_back({r.unit, r.track, cell_text(r.active), cell_text(r.started), cell_text(r.exited)});
  }
  if (v->body.kind == BodyKind::styrgrupp)
    if (auto f = steering_figures(env_, actor, v->body.programme_id, v->meeting.date)) {
      for (const auto& r : f->staffing)
        d.staffing.push_back({r.unit, std::to_string(std::lround(r.fte_pct)),
                              r.planned_fte_pct ? std::to_string(std::lround(*r.planned_fte_pct)) : "–",
                              std::to_string(r.capacity), active_text(r)});
      d.activity_status = f->semester + ":";
      for (const char* s : {"planned", "ongoing", "done", "cancelled"})
        d.activity_status += " " + activity_status_label(s) + " " + std::to_string(f->plan_status[s]) + ",";
      d.activity_status += " försenade från tidigare terminer " + std::to_string(f->overdue) + ".";
    }
  d.printed_on = today_string(env_);
  record_standalone(env_, actor, "meeting.pdf", "meeting", std::to_string(meeting_id));
  return reports::render_meeting_pdf(d);
}

Result<std::string> GovernanceService::calendar(const Actor& actor, Id programme_id, const std::string& body_code,
                                                std::optional<Id> unit_id) {
  auto kind = body_kind_from_code(body_code);
  if (!kind) return invalid("body", "Ange body: styrgrupp, samverkansteam eller personalmote.");
  auto tx = env_.db.begin(false);
  if (!tx->organisation().programme(programme_id)) return not_found("Insatsen finns inte.");
  auto body = tx->governance().find_body(programme_id, unit_id, *kind);
  if (!body) return not_found("Det finns inga möten för " + body_kind_label(*kind) + " här ännu.");
  if (!may_read_body(actor, *body, tx->governance().members(body->id))) {
    tx.reset();
    return deny(env_, actor, "programme", programme_id, "se mötena för " + body_kind_label(*kind));
  }
  std::vector<reports::CalendarEvent> events;
  for (const auto& m : tx->governance().meetings(body->id)) {
    std::string agenda;
    for (std::size_t i = 0; i < m.agenda.size(); ++i)
      agenda += (i ? "\n" : "") + std::to_string(i + 1) + ". " + m.agenda[i].text;
    events.push_back({"meeting-" + std::to_string(m.id) + "@stegvis", m.date, m.time, m.duration_minutes, body->name,
                      m.place, agenda, ""});
  }
  return reports::render_ics(body->name, events, utc_stamp(env_.now()));
}

std::vector<store::OpenAction> GovernanceService::my_actions(const Actor& actor) {
  auto tx = env_.db.begin(false);
  return tx->governance().open_actions_of_user(actor.user_id);
}

}  // namespace stegvis::app
