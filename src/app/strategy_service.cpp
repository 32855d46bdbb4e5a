#include "app/strategy_service.hpp"

#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "reports/strategy_documents.hpp"

namespace stegvis::app {
namespace {

Error no_role(Env& env, const Actor& a, Id id) {
  record_standalone(env, a, "access.denied", "strategy", std::to_string(id));
  return forbidden("Du har inte behörighet att se handlingsprogrammen.");
}

}  // namespace

bool StrategyService::may_edit(const Actor& a) {
  return a.has_role(Role::insatsansvarig) || a.has_role(Role::forbundschef);
}

Result<std::vector<Strategy>> StrategyService::list(const Actor& actor) {
  if (actor.roles.empty()) return no_role(env_, actor, 0);
  auto tx = env_.db.begin(false);
  return tx->catalogue().strategies();
}

Result<Strategy> StrategyService::strategy(const Actor& actor, Id id) {
  if (actor.roles.empty()) return no_role(env_, actor, id);
  auto tx = env_.db.begin(false);
  auto s = tx->catalogue().strategy(id);
  if (!s) return not_found("Handlingsprogrammet finns inte.");
  return *s;
}

Result<StrategyItem> StrategyService::update_item(const Actor& actor, Id strategy_id, Id item_id, const ItemUpdate& in) {
  if (!may_edit(actor)) {
    record_standalone(env_, actor, "access.denied", "strategy_item", std::to_string(item_id));
    return forbidden("Bara insatsansvarig och förbundschefen ändrar status i handlingsprogrammet.");
  }
  if (auto e = check_item_update(in.status, in.responsible, in.note)) return *e;
  auto tx = env_.db.begin(true);
  Id owner = 0;
  auto item = tx->catalogue().strategy_item(item_id, &owner);
  if (!item || owner != strategy_id) return not_found("Punkten finns inte i handlingsprogrammet.");
  std::string before = item->status;
  item->status = in.status;
  if (in.has_responsible) item->responsible = in.responsible;
  tx->catalogue().update_strategy_item(*item, env_.now());
  // Every change and note is kept as the item's history.
  bool blank_note = in.note.find_first_not_of(" \t\r\n") == std::string::npos;
  if (!blank_note || before != in.status)
    tx->catalogue().add_strategy_note(item_id, {0, today_string(env_), in.status, blank_note ? "" : in.note, actor.name},
                                      actor.user_id ? std::optional<Id>(actor.user_id) : std::nullopt, env_.now());
  record(*tx, env_.now(), actor, "strategy_item.update", "strategy_item", std::to_string(item_id),
         before + " -> " + in.status);
  tx->commit();
  return *item;
}

Result<std::string> StrategyService::pdf(const Actor& actor, Id id) {
  auto s = strategy(actor, id);
  if (!s) return s.error();
  return reports::strategy_pdf(*s, today_string(env_));
}

Result<std::string> StrategyService::xlsx(const Actor& actor, Id id) {
  auto s = strategy(actor, id);
  if (!s) return s.error();
  return reports::strategy_xlsx(*s);
}

}  // namespace stegvis::app
