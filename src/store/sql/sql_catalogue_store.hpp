// SQL of the catalogue store (store/catalogue_store.hpp): the programme
// catalogue's search differs per backend (FTS5 MATCH on SQLite, tsvector @@
// tsquery on PostgreSQL); strategies and lasting effects are the same SQL.
#pragma once
#include <soci/soci.h>

#include "store/catalogue_store.hpp"

namespace stegvis::store::sql {

class SqlCatalogueStore final : public CatalogueStore {
 public:
  SqlCatalogueStore(soci::session& s, bool postgresql) : sql_(s), pg_(postgresql) {}

  std::vector<CatalogueEntry> search(const CatalogueQuery& q, int* total) override;
  std::optional<CatalogueEntry> entry(Id id) override;
  Id save_entry(const CatalogueEntry& e, std::optional<Id> by, std::int64_t now) override;
  std::vector<std::string> counties() override;
  ProgrammeFigures programme_figures(Id programme_id, const std::string& today) override;

  std::vector<Strategy> strategies() override;
  std::optional<Strategy> strategy(Id id) override;
  Id create_strategy(const Strategy& s, std::int64_t now) override;
  std::optional<StrategyItem> strategy_item(Id item_id, Id* strategy_id) override;
  void update_strategy_item(const StrategyItem& item, std::int64_t now) override;
  void add_strategy_note(Id item_id, const StrategyNote& n, std::optional<Id> by, std::int64_t now) override;

 private:
  soci::session& sql_;
  bool pg_;
};

class SqlLastingEffectStore final : public LastingEffectStore {
 public:
  explicit SqlLastingEffectStore(soci::session& s) : sql_(s) {}
  void set_contact_after_exit(Id enrolment_id, bool allowed, const std::string& on) override;
  void record(Id enrolment_id, const LastingEffect& e, std::optional<Id> by, std::int64_t now) override;
  std::vector<LastingEffect> of_enrolment(Id enrolment_id) override;
  std::vector<LastingSnapshot> open(std::optional<Id> staff_id, std::optional<Id> unit_id,
                                    const std::string& exited_since) override;

 private:
  soci::session& sql_;
};

}  // namespace stegvis::store::sql
