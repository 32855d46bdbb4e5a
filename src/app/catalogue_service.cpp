#include "app/catalogue_service.hpp"

#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "domain/small_cells.hpp"
#include "domain/validation.hpp"

namespace stegvis::app {
namespace {

constexpr int kMaxPage = 200;

Error unauthenticated_error() {
  return {ErrorCode::unauthenticated, "Logga in för att se programkatalogen.", {}};
}

int suppressed(int n) { return is_small_cell(n) ? -1 : n; }

}  // namespace

bool CatalogueService::may_edit(const Actor& a) {
  return a.has_role(Role::forbundschef) || a.has_role(Role::insatsansvarig);
}

bool CatalogueService::may_read(const Actor* a) const { return env_.settings.public_catalogue || (a && !a->roles.empty()); }

Result<CatalogueList> CatalogueService::search(const Actor* actor, const CatalogueSearch& in) {
  if (!may_read(actor)) {
    if (!actor) return unauthenticated_error();
    return forbidden("Du har inte behörighet att se programkatalogen.");
  }
  CatalogueQuery q;
  for (const auto& [field, value] : {std::pair{"q", &in.q}, std::pair{"target_group", &in.target_group}})
    if (value->size() > 400) return invalid(field, "Sökningen är för lång (högst 400 tecken).");
  auto terms = search_terms(in.q, "q");
  if (!terms) return terms.error();
  auto target = search_terms(in.target_group, "target_group");
  if (!target) return target.error();
  if (auto e = check_text("county", in.county, 100, false)) return *e;
  if (!in.active_on.empty() && !is_valid_date(in.active_on))
    return invalid("active_on", "Ange dagen som ÅÅÅÅ-MM-DD.");
  q.terms = *terms;
  q.target_terms = *target;
  q.county = in.county;
  q.active_on = in.active_on;
  q.limit = in.limit < 1 || in.limit > kMaxPage ? 50 : in.limit;
  q.offset = in.offset < 0 ? 0 : in.offset;
  CatalogueList out;
  auto tx = env_.db.begin(false);
  out.items = tx->catalogue().search(q, &out.total);
  out.counties = tx->catalogue().counties();
  return out;
}

Result<CatalogueCard> CatalogueService::card(const Actor* actor, Id id) {
  if (!may_read(actor)) {
    if (!actor) return unauthenticated_error();
    return forbidden("Du har inte behörighet att se programkatalogen.");
  }
  auto tx = env_.db.begin(false);
  auto e = tx->catalogue().entry(id);
  if (!e) return not_found("Programmet finns inte i katalogen.");
  CatalogueCard c;
  c.entry = *e;
  std::string today = today_string(env_);
  c.active_today = active_on(*e, today);
  if (e->programme_id) {
    // Aggregates only, and small cells hidden: the card may be public.
    auto f = tx->catalogue().programme_figures(*e->programme_id, today);
    c.figures = store::ProgrammeFigures{suppressed(f.active), suppressed(f.started_this_year),
                                        suppressed(f.exited_this_year)};
  }
  return c;
}

Result<CatalogueEntry> CatalogueService::entry_for_edit(const Actor& actor, Id id) {
  if (!may_edit(actor)) {
    record_standalone(env_, actor, "access.denied", "catalogue_entry", std::to_string(id));
    return forbidden("Bara förbundschefen och insatsansvarig ändrar i programkatalogen.");
  }
  auto tx = env_.db.begin(false);
  auto e = tx->catalogue().entry(id);
  if (!e) return not_found("Programmet finns inte i katalogen.");
  return *e;
}

Result<Id> CatalogueService::save(const Actor& actor, CatalogueEntry e) {
  if (!may_edit(actor)) {
    record_standalone(env_, actor, "access.denied", "catalogue_entry", std::to_string(e.id));
    return forbidden("Bara förbundschefen och insatsansvarig ändrar i programkatalogen.");
  }
  if (auto err = check_catalogue_entry(e)) return *err;
  auto tx = env_.db.begin(true);
  if (e.id != 0 && !tx->catalogue().entry(e.id)) return not_found("Programmet finns inte i katalogen.");
  if (e.programme_id && !tx->organisation().programme(*e.programme_id))
    return invalid("programme_id", "Insatsen finns inte i den här installationen.");
  bool created = e.id == 0;
  Id id = tx->catalogue().save_entry(e, actor.user_id ? std::optional<Id>(actor.user_id) : std::nullopt, env_.now());
  record(*tx, env_.now(), actor, created ? "catalogue.create" : "catalogue.update", "catalogue_entry",
         std::to_string(id), e.name);
  tx->commit();
  return id;
}

}  // namespace stegvis::app
