// SQL for the organisation model: association, parties, municipalities, programmes, tracks, units.
#pragma once
#include <soci/soci.h>

#include "store/store.hpp"

namespace stegvis::store::sql {

class SqlOrganisationStore final : public OrganisationStore {
 public:
  explicit SqlOrganisationStore(soci::session& s) : sql_(s) {}

  std::optional<Association> association() override;
  Id save_association(const Association& a) override;
  std::vector<Party> parties() override;
  std::optional<Party> party(Id id) override;
  std::optional<Party> party_by_name(const std::string& name) override;
  Id save_party(const Party& p) override;
  std::vector<Municipality> municipalities() override;
  std::optional<Municipality> municipality(Id id) override;
  std::optional<Municipality> municipality_by_name(const std::string& name) override;
  Id save_municipality(const Municipality& m) override;
  std::vector<Programme> programmes() override;
  std::optional<Programme> programme(Id id) override;
  Id save_programme(const Programme& p) override;
  std::optional<Track> track(Id id) override;
  Id save_track(const Track& t) override;
  std::optional<Unit> unit(Id id) override;
  std::vector<Unit> units() override;
  Id save_unit(const Unit& u) override;

 private:
  std::vector<Party> query_parties(const std::string& where, Id id, const std::string& name);
  std::vector<Municipality> query_municipalities(const std::string& where, Id id, const std::string& name);
  std::vector<Programme> query_programmes(const std::string& where, Id id);
  std::vector<Track> query_tracks(const std::string& where, Id id);
  std::vector<Unit> query_units(const std::string& where, Id id);
  soci::session& sql_;
};

}  // namespace stegvis::store::sql
