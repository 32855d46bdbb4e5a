// Use cases of the lasting effect (issue #9 §5): the consent to be contacted
// after exit (recorded at intake or exit, changeable later, also to withdraw
// it), the checks 6 and 12 months after exit (settings.lasting_effect_months)
// recorded by those who may see the enrolment, and their due work in "Att
// göra". Access as for the participant's other data; writes and denials audited.
#pragma once
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/date.hpp"
#include "domain/lasting_effect.hpp"
#include "domain/result.hpp"
#include "store/store.hpp"

namespace stegvis::app {

class LastingEffectService {
 public:
  explicit LastingEffectService(Env& env) : env_(env) {}

  Status set_contact_after_exit(const Actor& actor, Id enrolment_id, bool allowed, std::string date);
  // 409 for an active enrolment or one without consent to contact after exit.
  Status record(const Actor& actor, Id enrolment_id, LastingEffect e);

 private:
  Env& env_;
};

// The actor's lasting-effect items inside the caller's read transaction: their own
// participants, and for a samordnare the unit's. Labels "#id".
std::vector<DueItem> lasting_effect_due_work(store::Store& tx, const Env& env, const Actor& actor, const Date& today);

}  // namespace stegvis::app
