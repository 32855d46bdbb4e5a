#include "app/plan_service.hpp"

#include <algorithm>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "reports/plan_pdf.hpp"

namespace stegvis::app {
namespace {

void sort_versions(std::vector<PlanVersion>& v) {
  std::stable_sort(v.begin(), v.end(),
                   [](const PlanVersion& a, const PlanVersion& b) { return compare_versions(a.version, b.version) < 0; });
}

const PlanVersion* find_version(const std::vector<PlanVersion>& all, const std::string& version) {
  for (const auto& v : all)
    if (compare_versions(v.version, version) == 0) return &v;
  return nullptr;
}

Error deny_plan(Env& env, const Actor& a, Id programme_id) {
  record_standalone(env, a, "access.denied", "programme_plan", std::to_string(programme_id));
  return forbidden("Insatsplanen och aktivitetsplanen ändras av förbundschefen eller insatsansvarig.");
}

}  // namespace

bool may_manage_plan(const Actor& a) { return a.has_role(Role::forbundschef) || a.has_role(Role::insatsansvarig); }

Result<std::vector<PlanVersion>> PlanService::versions(const Actor& actor, Id programme_id) {
  if (auto s = authorize(env_, actor, Permission::view_organisation); !s) return s.error();
  auto tx = env_.db.begin(false);
  if (!tx->organisation().programme(programme_id)) return not_found("Insatsen finns inte.");
  auto all = tx->governance().plan_versions(programme_id);
  sort_versions(all);
  return all;
}

Result<Id> PlanService::add_version(const Actor& actor, const PlanVersion& v) {
  if (!may_manage_plan(actor)) return deny_plan(env_, actor, v.programme_id);
  if (auto e = check_plan_version(v)) return *e;
  auto tx = env_.db.begin(true);
  if (!tx->organisation().programme(v.programme_id)) return not_found("Insatsen finns inte.");
  auto all = tx->governance().plan_versions(v.programme_id);
  sort_versions(all);
  if (!all.empty() && compare_versions(v.version, all.back().version) <= 0)
    return conflict("Version " + v.version + " är inte högre än den gällande versionen " + all.back().version + ".",
                    "version");
  Id id = tx->governance().add_plan_version(v, actor.user_id, env_.now());
  record(*tx, env_.now(), actor, "plan_version.create", "programme", std::to_string(v.programme_id), v.version);
  tx->commit();
  return id;
}

Result<PlanDiff> PlanService::diff(const Actor& actor, Id programme_id, const std::string& from, const std::string& to) {
  auto all = versions(actor, programme_id);
  if (!all) return all.error();
  const PlanVersion* a = find_version(*all, from);
  if (!a) return invalid("from", "Versionen \"" + from + "\" finns inte för insatsen.");
  const PlanVersion* b = find_version(*all, to);
  if (!b) return invalid("to", "Versionen \"" + to + "\" finns inte för insatsen.");
  PlanDiff d{*a, *b, {}};
  for (const auto& code : plan_section_codes()) {
    auto text = [&code](const PlanVersion& v) { auto it = v.sections.find(code); return it == v.sections.end() ? std::string() : it->second; };
    SectionDiff s{code, plan_section_label(code), diff_lines(text(*a), text(*b)), false};
    for (const auto& r : s.rows) s.changed = s.changed || r.kind != "same";
    d.sections.push_back(std::move(s));
  }
  return d;
}

Result<std::string> PlanService::version_pdf(const Actor& actor, Id programme_id, const std::string& version) {
  auto all = versions(actor, programme_id);
  if (!all) return all.error();
  const PlanVersion* v = find_version(*all, version);
  if (!v) return not_found("Versionen " + version + " finns inte för insatsen.");
  std::string programme;
  {
    auto tx = env_.db.begin(false);
    if (auto p = tx->organisation().programme(programme_id)) programme = p->name;
  }
  return reports::render_plan_pdf(programme, *v, *all, today_string(env_));
}

Result<std::vector<ActivityRow>> PlanService::activity_plan(const Actor& actor, Id programme_id) {
  if (auto s = authorize(env_, actor, Permission::view_organisation); !s) return s.error();
  auto tx = env_.db.begin(false);
  if (!tx->organisation().programme(programme_id)) return not_found("Insatsen finns inte.");
  auto items = tx->governance().activity_items(programme_id);
  std::stable_sort(items.begin(), items.end(), [](const ActivityItem& a, const ActivityItem& b) {
    return semester_key(a.semester) < semester_key(b.semester);
  });
  Date today = *parse_date(today_string(env_));
  std::vector<ActivityRow> out;
  for (auto& i : items) out.push_back({i, is_overdue(i, today)});
  return out;
}

Result<ActivityItem> PlanService::activity(const Actor& actor, Id item_id) {
  if (auto s = authorize(env_, actor, Permission::view_organisation); !s) return s.error();
  auto tx = env_.db.begin(false);
  auto item = tx->governance().activity_item(item_id);
  if (!item) return not_found("Aktiviteten finns inte.");
  return *item;
}

Result<Id> PlanService::add_activity(const Actor& actor, const ActivityItem& item) {
  if (!may_manage_plan(actor)) return deny_plan(env_, actor, item.programme_id);
  if (auto e = check_activity_item(item)) return *e;
  auto tx = env_.db.begin(true);
  if (!tx->organisation().programme(item.programme_id)) return not_found("Insatsen finns inte.");
  ActivityItem copy = item;
  copy.id = 0;
  Id id = tx->governance().save_activity_item(copy, env_.now());
  record(*tx, env_.now(), actor, "activity.create", "activity", std::to_string(id));
  tx->commit();
  return id;
}

Status PlanService::update_activity(const Actor& actor, const ActivityItem& item) {
  auto tx = env_.db.begin(true);
  auto existing = tx->governance().activity_item(item.id);
  if (!existing) return not_found("Aktiviteten finns inte.");
  if (!may_manage_plan(actor)) {
    tx.reset();
    return deny_plan(env_, actor, existing->programme_id);
  }
  ActivityItem next = item;
  next.programme_id = existing->programme_id;
  if (auto e = check_activity_item(next)) return *e;
  tx->governance().save_activity_item(next, env_.now());
  record(*tx, env_.now(), actor, "activity.update", "activity", std::to_string(item.id), next.status);
  tx->commit();
  return done();
}

}  // namespace stegvis::app
