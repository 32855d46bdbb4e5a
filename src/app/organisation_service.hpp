// Use cases on the organisation model: the association, parties,
// municipalities, programmes with tracks and units.
#pragma once
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "app/organisation_cache.hpp"
#include "domain/organisation.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

struct UnitInput {
  Id id = 0;
  Id programme_id = 0;
  std::string name;
  std::optional<Id> controller_party_id;
  std::vector<Id> municipality_ids;
};

class OrganisationService {
 public:
  explicit OrganisationService(Env& env) : env_(env) {}

  Result<Association> association(const Actor& actor);
  Result<Id> save_association(const Actor& actor, const Association& a);

  Result<std::vector<Party>> parties(const Actor& actor);
  Result<Id> save_party(const Actor& actor, const Party& p);

  Result<std::vector<Municipality>> municipalities(const Actor& actor);
  Result<Id> save_municipality(const Actor& actor, const Municipality& m);

  Result<std::vector<Programme>> programmes(const Actor& actor);
  Result<Programme> programme(const Actor& actor, Id id);
  Result<Id> save_programme(const Actor& actor, const Programme& p);
  Result<Id> save_track(const Actor& actor, const Track& t);

  Result<Unit> unit(const Actor& actor, Id id);
  Result<Id> save_unit(const Actor& actor, const UnitInput& u);

 private:
  Env& env_;
  OrganisationCache cache_;
};

}  // namespace stegvis::app
