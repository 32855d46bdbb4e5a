// Members of a programme's bodies (issue #8 §1): who sits in the steering
// group, the collaboration team or the staff meeting, for which party, from
// when to when. A member need not have a login; one with a login reads the
// body's meetings while a member. Those who manage the body add and end
// memberships; every change is audited.
#include <algorithm>
#include <cctype>

#include "app/audit.hpp"
#include "app/governance_service.hpp"
#include "app/referral_service.hpp"

namespace stegvis::app {
namespace {

Error deny_body(Env& env, const Actor& a, Id body_id, const std::string& what) {
  record_standalone(env, a, "access.denied", "body", std::to_string(body_id));
  return forbidden("Du har inte behörighet att " + what + ".");
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

Result<BodyMembers> GovernanceService::members(const Actor& actor, Id body_id) {
  auto tx = env_.db.begin(false);
  auto body = tx->governance().body(body_id);
  if (!body) return not_found("Organet finns inte.");
  auto members = tx->governance().members(body_id);
  if (!may_read_body(actor, *body, members)) {
    tx.reset();
    return deny_body(env_, actor, body_id, "se organets ledamöter");
  }
  const std::string today = today_string(env_);
  BodyMembers result{*body, {}, may_manage_body(actor, *body)};
  auto& out = result.members;
  for (const auto& m : members) {
    MemberView v{m, "", "", m.end_date.empty() || m.end_date >= today};
    if (m.party_id)
      if (auto p = tx->organisation().party(*m.party_id)) v.party = p->name;
    if (m.user_id)
      if (auto s = tx->staff().get(*m.user_id)) v.username = s->username;
    out.push_back(std::move(v));
  }
  // Current members first, then former ones by when they left.
  std::stable_sort(out.begin(), out.end(), [](const MemberView& a, const MemberView& b) { return a.active > b.active; });
  return result;
}

Result<Id> GovernanceService::add_member(const Actor& actor, Id body_id, const MemberInput& in) {
  auto tx = env_.db.begin(true);
  auto body = tx->governance().body(body_id);
  if (!body) return not_found("Organet finns inte.");
  if (!may_manage_body(actor, *body)) {
    tx.reset();
    return deny_body(env_, actor, body_id, "ändra ledamöterna i " + body->name);
  }
  BodyMember m;
  m.body_id = body_id;
  m.name = in.name;
  m.start_date = in.start.empty() ? today_string(env_) : in.start;
  if (!in.username.empty()) {
    auto user = tx->staff().by_username(in.username);
    if (!user || user->disabled)
      return unprocessable("username", "Det finns ingen aktiv användare med användarnamnet " + in.username + ".");
    for (const auto& existing : tx->governance().members(body_id))
      if (existing.user_id && *existing.user_id == user->id && existing.end_date.empty())
        return conflict(user->name + " är redan ledamot i " + body->name + ".");
    m.user_id = user->id;
    if (m.name.empty()) m.name = user->name;
    if (in.party.empty()) m.party_id = user->employing_party_id;  // sits for the employer unless told otherwise
  }
  if (!in.party.empty()) {
    auto party = all_digits(in.party) && in.party.size() < 12 ? tx->organisation().party(std::stoll(in.party))
                                                               : tx->organisation().party_by_name(in.party);
    if (!party) return unprocessable("party", "Parten " + in.party + " finns inte. Ange partens id eller exakta namn.");
    m.party_id = party->id;
  }
  if (m.name.empty()) return invalid("name", "Ange ledamotens namn (eller ett användarnamn).");
  if (auto e = check_member(m)) return *e;
  Id id = tx->governance().add_member(m);
  record(*tx, env_.now(), actor, "body.member_add", "body", std::to_string(body_id), "member " + std::to_string(id));
  tx->commit();
  return id;
}

Status GovernanceService::end_member(const Actor& actor, Id member_id, const std::string& date) {
  auto tx = env_.db.begin(true);
  auto m = tx->governance().member(member_id);
  if (!m) return not_found("Ledamoten finns inte.");
  auto body = tx->governance().body(m->body_id);
  if (!body || !may_manage_body(actor, *body)) {
    tx.reset();
    return deny_body(env_, actor, m->body_id, "ändra ledamöterna i det organet");
  }
  const std::string day = date.empty() ? today_string(env_) : date;
  if (auto e = check_member_end(*m, day)) return *e;
  tx->governance().end_member(member_id, day);
  record(*tx, env_.now(), actor, "body.member_end", "body", std::to_string(m->body_id),
         "member " + std::to_string(member_id));
  tx->commit();
  return done();
}

}  // namespace stegvis::app
