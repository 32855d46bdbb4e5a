// Use cases of the programme catalogue (issue #9 §6): search and cards for
// every logged-in user, and for anyone when the installation's setting
// public_catalogue is on; entries added and edited by the förbundschef and the
// insatsansvarig (audited). A card of this installation's own programme shows
// its live figures as aggregates, small cells suppressed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/catalogue.hpp"
#include "domain/result.hpp"
#include "store/catalogue_store.hpp"

namespace stegvis::app {

struct CatalogueSearch {
  std::string q, target_group, county, active_on;  // as the user wrote them
  int limit = 50, offset = 0;
};

struct CatalogueList {
  std::vector<CatalogueEntry> items;
  int total = 0;
  std::vector<std::string> counties;  // for the filter
};

// A live count: -1 when 1–4 (shown "<5").
struct CatalogueCard {
  CatalogueEntry entry;
  bool active_today = false;
  std::optional<store::ProgrammeFigures> figures;  // own programmes only, suppressed cells -1
};

class CatalogueService {
 public:
  explicit CatalogueService(Env& env) : env_(env) {}

  // actor is null for a visitor without login (allowed only with public_catalogue).
  Result<CatalogueList> search(const Actor* actor, const CatalogueSearch& in);
  Result<CatalogueCard> card(const Actor* actor, Id id);
  Result<CatalogueEntry> entry_for_edit(const Actor& actor, Id id);
  Result<Id> save(const Actor& actor, CatalogueEntry e);  // e.id == 0 adds

  static bool may_edit(const Actor& a);
  bool may_read(const Actor* a) const;

 private:
  Env& env_;
};

}  // namespace stegvis::app
