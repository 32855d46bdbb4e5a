// Storage of what an association learns from (issue #9): the programme
// catalogue with full-text search (SQLite FTS5, PostgreSQL to_tsvector with
// Swedish stemming), strategy action programmes with item status and notes,
// and the lasting effect of enrolments after exit.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/lasting_effect.hpp"
#include "domain/strategy.hpp"

namespace stegvis::store {

// Live figures of a programme of this installation, for its catalogue card.
struct ProgrammeFigures {
  int active = 0;             // enrolled today
  int started_this_year = 0;  // started from 1 January
  int exited_this_year = 0;
};

class CatalogueStore {
 public:
  virtual ~CatalogueStore() = default;

  // Matches of the query, best first (by name when there are no terms); *total counts all.
  virtual std::vector<CatalogueEntry> search(const CatalogueQuery& q, int* total) = 0;
  virtual std::optional<CatalogueEntry> entry(Id id) = 0;
  virtual Id save_entry(const CatalogueEntry& e, std::optional<Id> by, std::int64_t now) = 0;  // insert when id == 0
  virtual std::vector<std::string> counties() = 0;  // distinct, sorted, non-empty
  virtual ProgrammeFigures programme_figures(Id programme_id, const std::string& today) = 0;

  virtual std::vector<Strategy> strategies() = 0;            // without goals
  virtual std::optional<Strategy> strategy(Id id) = 0;       // with goals, items and notes
  virtual Id create_strategy(const Strategy& s, std::int64_t now) = 0;  // with goals and items
  virtual std::optional<StrategyItem> strategy_item(Id item_id, Id* strategy_id) = 0;
  virtual void update_strategy_item(const StrategyItem& item, std::int64_t now) = 0;  // status and responsible
  virtual void add_strategy_note(Id item_id, const StrategyNote& n, std::optional<Id> by, std::int64_t now) = 0;
};

class LastingEffectStore {
 public:
  virtual ~LastingEffectStore() = default;
  virtual void set_contact_after_exit(Id enrolment_id, bool allowed, const std::string& on) = 0;
  // Replaces an earlier record of the same month count.
  virtual void record(Id enrolment_id, const LastingEffect& e, std::optional<Id> by, std::int64_t now) = 0;
  virtual std::vector<LastingEffect> of_enrolment(Id enrolment_id) = 0;  // by months
  // Exited on or after exited_since with contact allowed, of one member of staff or one unit.
  virtual std::vector<LastingSnapshot> open(std::optional<Id> staff_id, std::optional<Id> unit_id,
                                            const std::string& exited_since) = 0;
};

}  // namespace stegvis::store
