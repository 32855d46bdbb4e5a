// Use cases of strategy action programmes (issue #9 §7): every user with a
// role reads them with the progress per goal; the insatsansvarig and the
// förbundschef (the owner role) change an item's status and responsible and
// write follow-up notes, kept as the item's history. Denials are audited.
// Exports as PDF and xlsx.
#pragma once
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/result.hpp"
#include "domain/strategy.hpp"

namespace stegvis::app {

struct ItemUpdate {
  std::string status, responsible, note;
  bool has_responsible = false;  // absent: the item keeps its responsible
};

class StrategyService {
 public:
  explicit StrategyService(Env& env) : env_(env) {}

  Result<std::vector<Strategy>> list(const Actor& actor);
  Result<Strategy> strategy(const Actor& actor, Id id);
  Result<StrategyItem> update_item(const Actor& actor, Id strategy_id, Id item_id, const ItemUpdate& in);
  Result<std::string> pdf(const Actor& actor, Id id);
  Result<std::string> xlsx(const Actor& actor, Id id);

  static bool may_edit(const Actor& a);

 private:
  Env& env_;
};

}  // namespace stegvis::app
