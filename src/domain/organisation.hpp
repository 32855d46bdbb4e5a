// The organisation model (domain.md §1): association, parties, programmes with
// tracks and units, municipalities, and the staff who work in them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/role.hpp"

namespace stegvis {

using Id = std::int64_t;

struct Association {
  Id id = 0;
  std::string name;
  std::string org_number;  // organisationsnummer, optional
};

// A member organisation of the association. kind: fk, af, region, kommun, other.
struct Party {
  Id id = 0;
  std::string name;
  std::string kind;
};

struct Municipality {
  Id id = 0;
  std::string name;
  std::optional<Id> party_id;  // the kommun as a party
  std::int64_t population = 0;
  double socioeconomic_index = 0;  // the municipality's socio-economic share in %
};

struct Track {
  Id id = 0;
  Id programme_id = 0;
  std::string code;  // e.g. "arbetsmarknad", "unga"
  std::string name;
  int min_age = 18;
  int max_age = 65;
  Role staff_role = Role::coach;
};

struct Unit {
  Id id = 0;
  Id programme_id = 0;
  std::string name;
  std::optional<Id> controller_party_id;  // personuppgiftsansvarig part (domain.md §8)
  std::vector<Municipality> municipalities;  // each belongs to one unit per programme
};

struct Programme {
  Id id = 0;
  Id association_id = 0;
  std::string name;
  std::string start_date;  // YYYY-MM-DD
  std::string end_date;
  std::string purpose;
  std::string target_group;
  std::vector<Track> tracks;
  std::vector<Unit> units;
};

// One role a person holds, optionally limited to a unit and municipality, with
// the share of a full-time post it takes.
struct RoleAssignment {
  Role role = Role::coach;
  std::optional<Id> unit_id;
  std::optional<Id> municipality_id;
  double fte_pct = 0;
};

// A user account is a member of staff: the same person logs in and carries a caseload.
struct Staff {
  Id id = 0;
  std::string username;
  std::string name;
  std::string email;
  std::optional<Id> employing_party_id;
  bool disabled = false;
  std::vector<RoleAssignment> roles;
};

// Caseload capacity: participants per 100 % of a full-time post (domain.md §2).
constexpr double kParticipantsPerFullTime = 20.0;
double capacity(const Staff& staff, double per_full_time = kParticipantsPerFullTime);

}  // namespace stegvis
