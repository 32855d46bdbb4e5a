// Who may see and change a participant's data (domain.md §2, §8): the
// samordnare of the enrolment's unit, and the coach or koordinator it is
// allocated to. Association-level roles, administrators and evaluators see no
// personal data. Every decision that denies is audited.
#pragma once
#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/participant.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

bool coordinates_unit(const Actor& a, Id unit_id);
bool may_see_enrolment(const Actor& a, const Enrolment& e);
// Referrals are handled by the unit's samordnare (and entered by samverkansteam members of the unit).
bool may_enter_referral(const Actor& a, Id unit_id);

// The denial as an error value, written to the audit log first.
Error deny_participant_access(Env& env, const Actor& a, const std::string& record_type, Id record_id);

}  // namespace stegvis::app
