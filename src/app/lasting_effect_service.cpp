#include "app/lasting_effect_service.hpp"

#include <algorithm>
#include <set>

#include "app/audit.hpp"
#include "app/participant_access.hpp"
#include "app/referral_service.hpp"
#include "domain/validation.hpp"

namespace stegvis::app {
namespace {

// The first day worth a look: exits older than the last check plus two months are history.
std::string exited_since(const Env& env, const Date& today) {
  int longest = 0;
  for (int m : env.settings.lasting_effect_months) longest = std::max(longest, m);
  return to_string(add_months(today, -(longest + 2)));
}

}  // namespace

Status LastingEffectService::set_contact_after_exit(const Actor& actor, Id enrolment_id, bool allowed,
                                                    std::string date) {
  if (date.empty()) date = today_string(env_);
  if (auto e = check_date("date", date)) return *e;
  if (date > today_string(env_)) return invalid("date", "Datumet kan inte ligga i framtiden.");
  auto tx = env_.db.begin(true);
  auto e = tx->participants().enrolment(enrolment_id);
  if (!e) return not_found("Inskrivningen finns inte.");
  if (!may_see_enrolment(actor, *e)) {
    tx.reset();
    return deny_participant_access(env_, actor, "enrolment", enrolment_id);
  }
  if (date < e->start_date) return invalid("date", "Datumet kan inte ligga före inskrivningen (" + e->start_date + ").");
  tx->lasting_effects().set_contact_after_exit(enrolment_id, allowed, date);
  app::record(*tx, env_.now(), actor, "consent.contact_after_exit", "enrolment", std::to_string(enrolment_id),
         allowed ? "given" : "withdrawn");
  tx->commit();
  return done();
}

Status LastingEffectService::record(const Actor& actor, Id enrolment_id, LastingEffect in) {
  if (in.date.empty()) in.date = today_string(env_);
  auto tx = env_.db.begin(true);
  auto e = tx->participants().enrolment(enrolment_id);
  if (!e) return not_found("Inskrivningen finns inte.");
  if (!may_see_enrolment(actor, *e)) {
    tx.reset();
    return deny_participant_access(env_, actor, "enrolment", enrolment_id);
  }
  if (e->active()) return conflict("Deltagaren är fortfarande inskriven: varaktig effekt följs upp efter avslutet.");
  if (!e->contact_after_exit)
    return conflict("Deltagaren har inte samtyckt till kontakt efter avslutet; ingen uppföljning får göras.");
  auto today = *parse_date(today_string(env_));
  if (auto err = check_lasting_effect(in, *parse_date(e->exit_date), env_.settings.lasting_effect_months, today))
    return *err;
  tx->lasting_effects().record(enrolment_id, in, actor.user_id ? std::optional<Id>(actor.user_id) : std::nullopt,
                               env_.now());
  app::record(*tx, env_.now(), actor, "lasting_effect.record", "enrolment", std::to_string(enrolment_id),
         std::to_string(in.months) + " months: " + in.status);
  tx->commit();
  return done();
}

std::vector<DueItem> lasting_effect_due_work(store::Store& tx, const Env& env, const Actor& actor, const Date& today) {
  std::string since = exited_since(env, today);
  std::vector<LastingSnapshot> snaps;
  std::set<Id> seen;
  auto add = [&](std::vector<LastingSnapshot> v) {
    for (auto& s : v)
      if (seen.insert(s.enrolment_id).second) {
        s.label = "#" + std::to_string(s.enrolment_id);
        snaps.push_back(std::move(s));
      }
  };
  add(tx.lasting_effects().open(actor.user_id, std::nullopt, since));
  for (const auto& r : actor.roles)
    if (r.role == Role::samordnare && r.unit_id) add(tx.lasting_effects().open(std::nullopt, *r.unit_id, since));
  return lasting_due_work(snaps, env.settings.lasting_effect_months, today);
}

}  // namespace stegvis::app
