// Right of access (registerutdrag, GDPR art. 15): everything stored about one
// person, for the samordnare of a unit where the person is or was enrolled:
// identity, referrals and enrolments in every unit (each naming the unit's
// personal-data controller), consents, allocations, every plan version,
// contacts and follow-ups with notes, ratings, final documents sent, the
// checks of where the person was after exit (lasting effect), and who
// read or changed the data when (from the audit log). The export is audited.
// The person is reached through an enrolment id, so no personal number is ever
// in a URL or a log line.
#pragma once
#include <string>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/result.hpp"
#include "reports/access_report.hpp"

namespace stegvis::app {

using reports::AccessEnrolment;
using reports::AccessExport;
using reports::AccessPlace;
using reports::AccessReferral;

class AccessRequestService {
 public:
  explicit AccessRequestService(Env& env) : env_(env) {}

  // The person of this enrolment; only for a samordnare of the enrolment's unit. format ("json",
  // "pdf") goes into the audit entry.
  Result<AccessExport> export_person(const Actor& actor, Id enrolment_id, const std::string& format);
  // The same as a PDF (cairo + pango).
  Result<std::string> export_pdf(const Actor& actor, Id enrolment_id);

 private:
  Env& env_;
};

}  // namespace stegvis::app
