// The shape of the generated national data set (issue #5): associations with
// one programme each, units, municipalities, tracks and staff, and a plan per
// enrolment from which every table's rows are expanded. Everything is a pure
// function of (seed, scale, index), so the same arguments give the same data
// and each table can be written in its own pass without holding the rest.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/role.hpp"

namespace stegvis::bench {

using Id = std::int64_t;

// splitmix64: small, fast, and good enough for test data.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  Rng(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0);
  std::uint64_t next();
  double uniform();                        // [0, 1)
  int range(int lo, int hi);               // [lo, hi]
  bool chance(double p) { return uniform() < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(next() % v.size())]; }

 private:
  std::uint64_t s_;
};

struct Params {
  double scale = 1.0;
  std::uint64_t seed = 1;
  Date as_of{2026, 10, 31};  // the last day of the ten generated years
  std::int64_t enrolments() const;
  std::int64_t staff() const;
  int associations() const;
};

struct NamedRow {
  Id id = 0;
  std::string name;
};

struct PartyRow {
  Id id = 0;
  std::string name, kind;
};

struct MunicipalityRow {
  Id id = 0;
  std::string name;
  Id party_id = 0;
  std::int64_t population = 0;
  double socioeconomic = 0;
};

struct ProgrammeRow {
  Id id = 0, association_id = 0;
  std::string name;
  Id track_arbetsmarknad = 0, track_unga = 0;
};

struct UnitRow {
  Id id = 0, programme_id = 0;
  std::string name;
  Id controller_party_id = 0;
  std::vector<Id> municipalities;
  std::vector<int> caseload_staff;  // indexes into Organisation::staff
  int samordnare = -1;
};

struct StaffRow {
  Id id = 0;
  std::string username, name;
  Role role = Role::coach;
  std::optional<Id> unit_id, municipality_id;
  Id employer_party_id = 0;
  int fte = 100;
};

struct Organisation {
  std::vector<NamedRow> associations;
  std::vector<PartyRow> parties;  // fk, af, regions, then one per municipality
  Id fk = 0, af = 0;
  std::vector<MunicipalityRow> municipalities;
  std::vector<ProgrammeRow> programmes;
  std::vector<UnitRow> units;
  std::vector<StaffRow> staff;       // staff[0] is the administrator
  std::vector<int> caseload_staff;   // coaches and koordinatorer
};

Organisation build_organisation(const Params& p);

enum class PersonKind { anonymous, first_time, returning };

struct EnrolmentPlan {
  Id id = 0;  // enrolment id = referral id = index + 1; a first-time person has the same id
  int staff = 0;  // index into Organisation::staff
  Id unit_id = 0, programme_id = 0, track_id = 0, municipality_id = 0;
  bool unga = false;
  PersonKind person = PersonKind::first_time;
  Id person_id = 0;  // 0 when anonymous
  std::string gender;
  int birth_year = 0;
  Date received, start;
  std::optional<Date> exit;
  std::string outcome;
  bool final_report_sent = false;
  bool goal_ratings = false;
  int contacts = 0, follow_ups = 0, ratings = 0, plan_versions = 0;
  std::uint64_t seed = 0;  // for expanding this enrolment's rows
};

EnrolmentPlan plan_enrolment(const Organisation& org, const Params& p, std::int64_t index);

// Referrals that did not become enrolments (declined, or still open near as_of), ids after the enrolments'.
struct ExtraReferral {
  Id id = 0;
  EnrolmentPlan basis;  // unit, track, person attributes, received date
  std::string status;   // declined or received
};
std::int64_t extra_referral_count(const Params& p);
ExtraReferral plan_extra_referral(const Organisation& org, const Params& p, std::int64_t index);

// Text and names for sealed fields.
std::string first_name(Rng& rng, const std::string& gender);
std::string last_name(Rng& rng);
std::string contact_note(Rng& rng);
std::string referral_reason(Rng& rng);

}  // namespace stegvis::bench
