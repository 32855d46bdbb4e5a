#include "store/sql/sql_governance_store.hpp"

#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {

// Attendee and apology lists are names, which may hold commas: one per line.
std::string join_lines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "\n") + s;
  return out;
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    auto end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The latest minutes of each meeting: actions of older versions are history.
constexpr const char* kActionCols =
    "SELECT a.id, a.meeting_id, a.text, a.owner_name, a.owner_user_id, a.due, a.done_on, m.body_id, m.meeting_date "
    "FROM gov_action a JOIN gov_meeting m ON m.id = a.meeting_id "
    "WHERE a.minutes_id = (SELECT MAX(x.id) FROM gov_minutes x WHERE x.meeting_id = a.meeting_id) ";

}  // namespace

std::vector<Body> SqlGovernanceStore::query_bodies(const std::string& where, long long a, long long b) {
  std::vector<Body> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, programme_id, unit_id, kind, name, interval_days, duration_minutes, place "
                       "FROM gov_body " + where + " ORDER BY kind, unit_id, id",
       soci::use(a, "a"), soci::use(b, "b"));
  for (const auto& r : rs) {
    Body x;
    x.id = col_int(r, 0);
    x.programme_id = col_int(r, 1);
    x.unit_id = col_opt_int(r, 2);
    x.kind = body_kind_from_code(col_str(r, 3)).value_or(BodyKind::styrgrupp);
    x.name = col_str(r, 4);
    x.interval_days = static_cast<int>(col_int(r, 5));
    x.duration_minutes = static_cast<int>(col_int(r, 6));
    x.place = col_str(r, 7);
    out.push_back(std::move(x));
  }
  return out;
}

std::optional<Body> SqlGovernanceStore::body(Id id) {
  auto v = query_bodies("WHERE id = :a AND :b = 0", id, 0);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<Body> SqlGovernanceStore::find_body(Id programme_id, std::optional<Id> unit_id, BodyKind kind) {
  for (auto& b : query_bodies("WHERE programme_id = :a AND COALESCE(unit_id, 0) = :b", programme_id,
                              unit_id.value_or(0)))
    if (b.kind == kind) return b;
  return std::nullopt;
}

std::vector<Body> SqlGovernanceStore::bodies(Id programme_id) {
  return query_bodies("WHERE programme_id = :a AND :b = 0", programme_id, 0);
}

Id SqlGovernanceStore::save_body(const Body& b) {
  NullableId unit(b.unit_id);
  long long programme = b.programme_id, interval = b.interval_days, duration = b.duration_minutes;
  std::string kind(to_code(b.kind));
  if (b.id == 0) {
    long long id = 0;
    sql_ << "INSERT INTO gov_body (programme_id, unit_id, kind, name, interval_days, duration_minutes, place) "
            "VALUES (:p, :u, :k, :n, :i, :d, :pl) RETURNING id",
        soci::use(programme), soci::use(unit.value, unit.ind), soci::use(kind), soci::use(b.name),
        soci::use(interval), soci::use(duration), soci::use(b.place), soci::into(id);
    return id;
  }
  long long id = b.id;
  sql_ << "UPDATE gov_body SET name = :n, interval_days = :i, duration_minutes = :d, place = :pl WHERE id = :id",
      soci::use(b.name), soci::use(interval), soci::use(duration), soci::use(b.place), soci::use(id);
  return b.id;
}

std::vector<BodyMember> SqlGovernanceStore::members(Id body_id) {
  long long b = body_id;
  std::vector<BodyMember> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, body_id, party_id, name, user_id, start_date, end_date FROM gov_member "
                       "WHERE body_id = :b ORDER BY id",
       soci::use(b));
  for (const auto& r : rs)
    out.push_back({col_int(r, 0), col_int(r, 1), col_opt_int(r, 2), col_str(r, 3), col_opt_int(r, 4), col_str(r, 5),
                   col_str(r, 6)});
  return out;
}

Id SqlGovernanceStore::add_member(const BodyMember& m) {
  NullableId party(m.party_id), user(m.user_id);
  long long body = m.body_id, id = 0;
  sql_ << "INSERT INTO gov_member (body_id, party_id, name, user_id, start_date, end_date) "
          "VALUES (:b, :p, :n, :u, :s, :e) RETURNING id",
      soci::use(body), soci::use(party.value, party.ind), soci::use(m.name), soci::use(user.value, user.ind),
      soci::use(m.start_date), soci::use(m.end_date), soci::into(id);
  return id;
}

std::optional<BodyMember> SqlGovernanceStore::member(Id id) {
  long long m = id;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, body_id, party_id, name, user_id, start_date, end_date FROM gov_member WHERE id = :m",
       soci::use(m));
  for (const auto& r : rs)
    return BodyMember{col_int(r, 0), col_int(r, 1), col_opt_int(r, 2), col_str(r, 3), col_opt_int(r, 4),
                      col_str(r, 5), col_str(r, 6)};
  return std::nullopt;
}

void SqlGovernanceStore::end_member(Id id, const std::string& end_date) {
  long long m = id;
  sql_ << "UPDATE gov_member SET end_date = :e WHERE id = :m", soci::use(end_date), soci::use(m);
}

Id SqlGovernanceStore::create_meeting(const Meeting& m, std::optional<Id> by, std::int64_t now) {
  NullableId who(by);
  long long body = m.body_id, duration = m.duration_minutes, at = now, id = 0;
  std::string attendees = join_lines(m.attendees), apologies = join_lines(m.apologies);
  sql_ << "INSERT INTO gov_meeting (body_id, meeting_date, meeting_time, duration_minutes, place, attendees, "
          "apologies, created_by, created_at) VALUES (:b, :d, :t, :du, :p, :a, :ap, :c, :at) RETURNING id",
      soci::use(body), soci::use(m.date), soci::use(m.time), soci::use(duration), soci::use(m.place),
      soci::use(attendees), soci::use(apologies), soci::use(who.value, who.ind), soci::use(at), soci::into(id);
  long long position = 0;
  for (const auto& item : m.agenda) {
    ++position;
    sql_ << "INSERT INTO gov_agenda_item (meeting_id, position, text, standing) VALUES (:m, :p, :t, :s)",
        soci::use(id), soci::use(position), soci::use(item.text), soci::use(item.standing);
  }
  return id;
}

std::vector<Meeting> SqlGovernanceStore::query_meetings(const std::string& where, long long id) {
  std::vector<Meeting> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, body_id, meeting_date, meeting_time, duration_minutes, place, attendees, apologies "
                       "FROM gov_meeting " + where + " ORDER BY meeting_date, meeting_time, id",
       soci::use(id));
  for (const auto& r : rs) {
    Meeting m;
    m.id = col_int(r, 0);
    m.body_id = col_int(r, 1);
    m.date = col_str(r, 2);
    m.time = col_str(r, 3);
    m.duration_minutes = static_cast<int>(col_int(r, 4));
    m.place = col_str(r, 5);
    m.attendees = split_lines(col_str(r, 6));
    m.apologies = split_lines(col_str(r, 7));
    out.push_back(std::move(m));
  }
  for (auto& m : out) {
    long long mid = m.id;
    soci::rowset<soci::row> items =
        (sql_.prepare << "SELECT text, standing FROM gov_agenda_item WHERE meeting_id = :m ORDER BY position",
         soci::use(mid));
    for (const auto& r : items) m.agenda.push_back({col_str(r, 0), col_str(r, 1)});
  }
  return out;
}

std::optional<Meeting> SqlGovernanceStore::meeting(Id id) {
  auto v = query_meetings("WHERE id = :id", id);
  if (v.empty()) return std::nullopt;
  auto minutes = load_minutes(id, true);
  if (!minutes.empty()) v.front().minutes = std::move(minutes.front());
  return v.front();
}

std::vector<Meeting> SqlGovernanceStore::meetings(Id body_id) {
  auto v = query_meetings("WHERE body_id = :id", body_id);
  // Only whether each has minutes, their version and approval: one query for the body.
  long long b = body_id;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT x.meeting_id, x.version, x.approved_on FROM gov_minutes x JOIN gov_meeting m "
                       "ON m.id = x.meeting_id WHERE m.body_id = :b ORDER BY x.meeting_id, x.version",
       soci::use(b));
  for (const auto& r : rs)
    for (auto& m : v)
      if (m.id == col_int(r, 0)) {
        Minutes x;
        x.version = static_cast<int>(col_int(r, 1));
        x.approved_on = col_str(r, 2);
        m.minutes = x;
      }
  return v;
}

std::vector<Minutes> SqlGovernanceStore::load_minutes(Id meeting_id, bool latest_only) {
  long long mid = meeting_id;
  std::vector<std::pair<long long, Minutes>> rows;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, version, text, approved_on, approved_by_name FROM gov_minutes "
                       "WHERE meeting_id = :m ORDER BY version",
       soci::use(mid));
  for (const auto& r : rs) {
    Minutes m;
    m.version = static_cast<int>(col_int(r, 1));
    m.text = col_str(r, 2);
    m.approved_on = col_str(r, 3);
    m.approved_by = col_str(r, 4);
    rows.emplace_back(col_int(r, 0), std::move(m));
  }
  if (latest_only && rows.size() > 1) rows.erase(rows.begin(), rows.end() - 1);
  std::vector<Minutes> out;
  for (auto& [id, m] : rows) {
    soci::rowset<soci::row> ds =
        (sql_.prepare << "SELECT text FROM gov_decision WHERE minutes_id = :m ORDER BY position", soci::use(id));
    for (const auto& r : ds) m.decisions.push_back(col_str(r, 0));
    soci::rowset<soci::row> as =
        (sql_.prepare << "SELECT id, meeting_id, text, owner_name, owner_user_id, due, done_on FROM gov_action "
                         "WHERE minutes_id = :m ORDER BY position",
         soci::use(id));
    for (const auto& r : as)
      m.actions.push_back({col_int(r, 0), col_int(r, 1), col_str(r, 2), col_str(r, 3), col_opt_int(r, 4),
                           col_str(r, 5), col_str(r, 6)});
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<Minutes> SqlGovernanceStore::minutes_history(Id meeting_id) { return load_minutes(meeting_id, false); }

void SqlGovernanceStore::save_minutes(Id meeting_id, const Minutes& m, std::optional<Id> by, std::int64_t now) {
  long long mid = meeting_id, version = m.version, at = now, id = 0;
  NullableId who(by);
  // A draft is replaced in place: its decisions and actions go with it.
  soci::rowset<soci::row> old =
      (sql_.prepare << "SELECT id FROM gov_minutes WHERE meeting_id = :m AND version = :v", soci::use(mid),
       soci::use(version));
  std::vector<long long> old_ids;
  for (const auto& r : old) old_ids.push_back(col_int(r, 0));
  for (long long o : old_ids) {
    sql_ << "DELETE FROM gov_decision WHERE minutes_id = :o", soci::use(o);
    sql_ << "DELETE FROM gov_action WHERE minutes_id = :o", soci::use(o);
    sql_ << "DELETE FROM gov_minutes WHERE id = :o", soci::use(o);
  }
  sql_ << "INSERT INTO gov_minutes (meeting_id, version, text, saved_by, saved_at) VALUES (:m, :v, :t, :b, :a) "
          "RETURNING id",
      soci::use(mid), soci::use(version), soci::use(m.text), soci::use(who.value, who.ind), soci::use(at),
      soci::into(id);
  long long position = 0;
  for (const auto& d : m.decisions) {
    ++position;
    sql_ << "INSERT INTO gov_decision (minutes_id, position, text) VALUES (:m, :p, :t)", soci::use(id),
        soci::use(position), soci::use(d);
  }
  position = 0;
  for (const auto& a : m.actions) {
    ++position;
    NullableId owner(a.owner_user_id);
    sql_ << "INSERT INTO gov_action (minutes_id, meeting_id, position, text, owner_name, owner_user_id, due, done_on) "
            "VALUES (:mi, :me, :p, :t, :o, :ou, :d, :dn)",
        soci::use(id), soci::use(mid), soci::use(position), soci::use(a.text), soci::use(a.owner),
        soci::use(owner.value, owner.ind), soci::use(a.due), soci::use(a.done_on);
  }
}

void SqlGovernanceStore::approve_minutes(Id meeting_id, int version, const std::string& on, std::optional<Id> by,
                                         const std::string& by_name) {
  long long mid = meeting_id, v = version;
  NullableId who(by);
  sql_ << "UPDATE gov_minutes SET approved_on = :o, approved_by = :b, approved_by_name = :n "
          "WHERE meeting_id = :m AND version = :v",
      soci::use(on), soci::use(who.value, who.ind), soci::use(by_name), soci::use(mid), soci::use(v);
}

std::vector<OpenAction> SqlGovernanceStore::query_actions(const std::string& where, long long id,
                                                          const std::string& text) {
  std::vector<OpenAction> out;
  soci::rowset<soci::row> rs = (sql_.prepare << std::string(kActionCols) + where + " ORDER BY a.due, a.id",
                                soci::use(id, "id"), soci::use(text, "t"));
  for (const auto& r : rs) {
    OpenAction o;
    o.action = {col_int(r, 0), col_int(r, 1), col_str(r, 2), col_str(r, 3), col_opt_int(r, 4), col_str(r, 5),
                col_str(r, 6)};
    o.body_id = col_int(r, 7);
    o.meeting_date = col_str(r, 8);
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<OpenAction> SqlGovernanceStore::open_actions_of_body(Id body_id, const std::string& before) {
  return query_actions("AND m.body_id = :id AND m.meeting_date < :t AND a.done_on = ''", body_id, before);
}

std::vector<OpenAction> SqlGovernanceStore::open_actions_of_user(Id user_id) {
  return query_actions("AND a.owner_user_id = :id AND a.done_on = :t", user_id, "");
}

std::optional<OpenAction> SqlGovernanceStore::action(Id id) {
  auto v = query_actions("AND a.id = :id AND :t = ''", id, "");
  if (v.empty()) return std::nullopt;
  return v.front();
}

void SqlGovernanceStore::close_action(Id id, const std::string& on) {
  long long lid = id;
  sql_ << "UPDATE gov_action SET done_on = :o WHERE id = :id", soci::use(on), soci::use(lid);
}

}  // namespace stegvis::store::sql
