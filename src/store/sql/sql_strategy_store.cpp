// Strategy action programmes and lasting effects in SQL: a strategy is read
// in three queries (goals, items, notes), whatever its size.
#include <map>

#include "store/sql/sql_catalogue_store.hpp"
#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {

std::vector<Strategy> SqlCatalogueStore::strategies() {
  std::vector<Strategy> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, name, owner, period_start, period_end FROM strategy ORDER BY period_start DESC, id");
  for (const auto& r : rs) out.push_back({col_int(r, 0), col_str(r, 1), col_str(r, 2), col_str(r, 3), col_str(r, 4), {}});
  return out;
}

std::optional<Strategy> SqlCatalogueStore::strategy(Id id) {
  std::optional<Strategy> s;
  long long sid = id;
  {
    soci::rowset<soci::row> rs =
        (sql_.prepare << "SELECT id, name, owner, period_start, period_end FROM strategy WHERE id = :i", soci::use(sid));
    for (const auto& r : rs) s = Strategy{col_int(r, 0), col_str(r, 1), col_str(r, 2), col_str(r, 3), col_str(r, 4), {}};
  }
  if (!s) return s;
  std::map<Id, std::size_t> goal_at;
  soci::rowset<soci::row> goals =
      (sql_.prepare << "SELECT id, number, title FROM strategy_goal WHERE strategy_id = :i ORDER BY number",
       soci::use(sid));
  for (const auto& r : goals) {
    goal_at[col_int(r, 0)] = s->goals.size();
    s->goals.push_back({col_int(r, 0), static_cast<int>(col_int(r, 1)), col_str(r, 2), {}});
  }
  std::map<Id, std::pair<std::size_t, std::size_t>> item_at;
  soci::rowset<soci::row> items =
      (sql_.prepare << "SELECT i.id, i.goal_id, i.position, i.focus_area, i.actors, i.initiators, i.status, "
                       "i.responsible FROM strategy_item i JOIN strategy_goal g ON g.id = i.goal_id "
                       "WHERE g.strategy_id = :i ORDER BY g.number, i.position, i.id",
       soci::use(sid));
  for (const auto& r : items) {
    StrategyItem x;
    x.id = col_int(r, 0);
    x.goal_id = col_int(r, 1);
    x.position = static_cast<int>(col_int(r, 2));
    x.focus_area = col_str(r, 3);
    x.actors = col_str(r, 4);
    x.initiators = col_str(r, 5);
    x.status = col_str(r, 6);
    x.responsible = col_str(r, 7);
    auto& g = s->goals[goal_at.at(x.goal_id)];
    item_at[x.id] = {goal_at.at(x.goal_id), g.items.size()};
    g.items.push_back(std::move(x));
  }
  soci::rowset<soci::row> notes =
      (sql_.prepare << "SELECT n.id, n.item_id, n.note_date, n.status, n.text, n.by_name FROM strategy_note n "
                       "JOIN strategy_item i ON i.id = n.item_id JOIN strategy_goal g ON g.id = i.goal_id "
                       "WHERE g.strategy_id = :i ORDER BY n.id",
       soci::use(sid));
  for (const auto& r : notes) {
    auto [gi, ii] = item_at.at(col_int(r, 1));
    s->goals[gi].items[ii].notes.push_back({col_int(r, 0), col_str(r, 2), col_str(r, 3), col_str(r, 4), col_str(r, 5)});
  }
  return s;
}

Id SqlCatalogueStore::create_strategy(const Strategy& s, std::int64_t now) {
  long long id = 0, at = now;
  sql_ << "INSERT INTO strategy (name, owner, period_start, period_end, created_at) VALUES (:n, :o, :s, :e, :a) "
          "RETURNING id",
      soci::use(s.name), soci::use(s.owner), soci::use(s.period_start), soci::use(s.period_end), soci::use(at),
      soci::into(id);
  for (const auto& g : s.goals) {
    long long gid = 0, number = g.number;
    sql_ << "INSERT INTO strategy_goal (strategy_id, number, title) VALUES (:s, :n, :t) RETURNING id", soci::use(id),
        soci::use(number), soci::use(g.title), soci::into(gid);
    long long position = 0;
    for (const auto& i : g.items) {
      ++position;
      sql_ << "INSERT INTO strategy_item (goal_id, position, focus_area, actors, initiators, status, responsible, "
              "updated_at) VALUES (:g, :p, :f, :a, :i, :s, :r, :u)",
          soci::use(gid), soci::use(position), soci::use(i.focus_area), soci::use(i.actors), soci::use(i.initiators),
          soci::use(i.status), soci::use(i.responsible), soci::use(at);
    }
  }
  return id;
}

std::optional<StrategyItem> SqlCatalogueStore::strategy_item(Id item_id, Id* strategy_id) {
  long long i = item_id;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT i.id, i.goal_id, i.position, i.focus_area, i.actors, i.initiators, i.status, "
                       "i.responsible, g.strategy_id FROM strategy_item i JOIN strategy_goal g ON g.id = i.goal_id "
                       "WHERE i.id = :i",
       soci::use(i));
  for (const auto& r : rs) {
    StrategyItem x;
    x.id = col_int(r, 0);
    x.goal_id = col_int(r, 1);
    x.position = static_cast<int>(col_int(r, 2));
    x.focus_area = col_str(r, 3);
    x.actors = col_str(r, 4);
    x.initiators = col_str(r, 5);
    x.status = col_str(r, 6);
    x.responsible = col_str(r, 7);
    if (strategy_id) *strategy_id = col_int(r, 8);
    return x;
  }
  return std::nullopt;
}

void SqlCatalogueStore::update_strategy_item(const StrategyItem& item, std::int64_t now) {
  long long id = item.id, at = now;
  sql_ << "UPDATE strategy_item SET status = :s, responsible = :r, updated_at = :u WHERE id = :i", soci::use(item.status),
      soci::use(item.responsible), soci::use(at), soci::use(id);
}

void SqlCatalogueStore::add_strategy_note(Id item_id, const StrategyNote& n, std::optional<Id> by, std::int64_t now) {
  long long i = item_id, at = now;
  NullableId who(by);
  sql_ << "INSERT INTO strategy_note (item_id, note_date, status, text, by_name, by_user, created_at) "
          "VALUES (:i, :d, :s, :t, :n, :b, :a)",
      soci::use(i), soci::use(n.date), soci::use(n.status), soci::use(n.text), soci::use(n.by),
      soci::use(who.value, who.ind), soci::use(at);
}

void SqlLastingEffectStore::set_contact_after_exit(Id enrolment_id, bool allowed, const std::string& on) {
  long long id = enrolment_id, v = allowed ? 1 : 0;
  sql_ << "UPDATE enrolment SET contact_after_exit = :v, contact_after_exit_on = :o WHERE id = :i", soci::use(v),
      soci::use(on), soci::use(id);
}

void SqlLastingEffectStore::record(Id enrolment_id, const LastingEffect& e, std::optional<Id> by, std::int64_t now) {
  long long id = enrolment_id, months = e.months, at = now;
  NullableId who(by);
  sql_ << "DELETE FROM lasting_effect WHERE enrolment_id = :i AND months = :m", soci::use(id), soci::use(months);
  sql_ << "INSERT INTO lasting_effect (enrolment_id, months, status, checked_on, recorded_by, recorded_at) "
          "VALUES (:i, :m, :s, :d, :b, :a)",
      soci::use(id), soci::use(months), soci::use(e.status), soci::use(e.date), soci::use(who.value, who.ind),
      soci::use(at);
}

std::vector<LastingEffect> SqlLastingEffectStore::of_enrolment(Id enrolment_id) {
  long long id = enrolment_id;
  std::vector<LastingEffect> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT months, status, checked_on FROM lasting_effect WHERE enrolment_id = :i ORDER BY months",
       soci::use(id));
  for (const auto& r : rs) out.push_back({static_cast<int>(col_int(r, 0)), col_str(r, 1), col_str(r, 2)});
  return out;
}

std::vector<LastingSnapshot> SqlLastingEffectStore::open(std::optional<Id> staff_id, std::optional<Id> unit_id,
                                                         const std::string& exited_since) {
  long long key = staff_id ? *staff_id : unit_id.value_or(0);
  std::string where = staff_id ? "e.staff_id = :k" : "e.unit_id = :k";
  std::vector<LastingSnapshot> out;
  std::map<Id, std::size_t> at;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT e.id, e.exit_date, l.months FROM enrolment e LEFT JOIN lasting_effect l "
                       "ON l.enrolment_id = e.id WHERE " + where +
                           " AND e.contact_after_exit = 1 AND e.exit_date IS NOT NULL AND e.exit_date >= :s "
                           "ORDER BY e.id",
       soci::use(key, "k"), soci::use(exited_since, "s"));
  for (const auto& r : rs) {
    Id id = col_int(r, 0);
    auto it = at.find(id);
    if (it == at.end()) {
      it = at.emplace(id, out.size()).first;
      out.push_back({id, "", parse_date(col_str(r, 1)).value_or(Date{}), {}});
    }
    if (auto m = col_opt_int(r, 2)) out[it->second].recorded_months.push_back(static_cast<int>(*m));
  }
  return out;
}

}  // namespace stegvis::store::sql
