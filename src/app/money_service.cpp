#include "app/money_service.hpp"

#include <algorithm>
#include <set>

#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "domain/ledger_csv.hpp"

namespace stegvis::app {
namespace {

Error denied(Env& env, const Actor& a, const std::string& what, Id programme_id) {
  record_standalone(env, a, "access.denied", "programme", std::to_string(programme_id), "ekonomi: " + what);
  return forbidden("Du har inte behörighet att " + what + ".");
}

std::vector<Id> coordinated_units(const Actor& a, const Programme& p) {
  std::vector<Id> out;
  for (const auto& u : p.units)
    if (a.has_role_in_unit(Role::samordnare, u.id)) out.push_back(u.id);
  return out;
}

const Unit* unit_of(const Programme& p, Id id) {
  for (const auto& u : p.units)
    if (u.id == id) return &u;
  return nullptr;
}

// A unit named by id or exact name, within the programme.
const Unit* find_unit(const Programme& p, const std::string& ref) {
  for (const auto& u : p.units)
    if (u.name == ref || std::to_string(u.id) == ref) return &u;
  return nullptr;
}

int year_of(const std::string& date) { return date.size() >= 4 ? std::stoi(date.substr(0, 4)) : 0; }

std::optional<Error> check_year(const Programme& p, int year) {
  if (year < year_of(p.start_date) || year > year_of(p.end_date))
    return unprocessable("year", "Året " + std::to_string(year) + " ligger utanför insatsens period (" + p.start_date +
                                     " – " + p.end_date + ").");
  return std::nullopt;
}

std::string budget_record(const BudgetRef& r) {
  return std::to_string(r.programme_id) + "/" + std::to_string(r.year) + (r.unit_id ? "/" + std::to_string(*r.unit_id) : "");
}

Date today_of(const Env& env) { return *parse_date(today_string(env)); }

}  // namespace

bool MoneyService::may_edit(const Actor& a) { return a.has_role(Role::ekonom) || a.has_role(Role::forbundschef); }
// The insatsansvarig reads the programme's economy as an aggregate (domain.md §2), as the annual report needs.
bool MoneyService::may_view_all(const Actor& a) {
  return may_edit(a) || a.has_role(Role::styrgrupp) || a.has_role(Role::insatsansvarig);
}
bool MoneyService::may_view(const Actor& a, const Programme& p) {
  return may_view_all(a) || !coordinated_units(a, p).empty();
}
bool MoneyService::may_view_somewhere(const Actor& a) { return may_view_all(a) || a.has_role(Role::samordnare); }

Result<Programme> MoneyService::load_viewable(store::Store& tx, const Actor& actor, Id programme_id,
                                               const std::string& what) {
  auto p = tx.organisation().programme(programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  if (!may_view(actor, *p)) return denied(env_, actor, what, programme_id);
  return *p;
}

// ---- budgets ----

Result<Budget> MoneyService::budget(const Actor& actor, const BudgetRef& ref, std::optional<int> version) {
  auto tx = env_.db.begin(false);
  auto p = load_viewable(*tx, actor, ref.programme_id, "se insatsens budget");
  if (!p) return p.error();
  if (ref.unit_id) {
    if (!unit_of(*p, *ref.unit_id)) return unprocessable("unit", "Länsdelen hör inte till insatsen.");
    if (!may_view_all(actor) && !actor.has_role_in_unit(Role::samordnare, *ref.unit_id))
      return denied(env_, actor, "se den länsdelens budget", ref.programme_id);
  } else if (!may_view_all(actor)) {
    return denied(env_, actor, "se hela insatsens budget", ref.programme_id);
  }
  auto b = tx->money().budget(ref.programme_id, ref.unit_id.value_or(0), ref.year, version);
  if (!b)
    return not_found(version ? "Budgetversionen finns inte." : "Det finns ingen budget för " + std::to_string(ref.year) + " ännu.");
  return *b;
}

Result<Budget> MoneyService::save_budget(const Actor& actor, const BudgetRef& ref, Budget draft) {
  if (!may_edit(actor)) return denied(env_, actor, "ändra budgeten", ref.programme_id);
  auto tx = env_.db.begin(true);
  auto p = tx->organisation().programme(ref.programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  if (auto e = check_year(*p, ref.year)) return *e;
  if (ref.unit_id && !unit_of(*p, *ref.unit_id)) return unprocessable("unit", "Länsdelen hör inte till insatsen.");
  if (auto e = check_budget_draft(draft)) return *e;
  auto current = tx->money().budget(ref.programme_id, ref.unit_id.value_or(0), ref.year, std::nullopt);
  if (current && current->approved())
    return conflict("Budgeten för " + std::to_string(ref.year) +
                        " är beslutad och kan inte ändras. Starta en ny version för att ändra den.",
                    "status");
  draft.programme_id = ref.programme_id;
  draft.unit_id = ref.unit_id.value_or(0);
  draft.year = ref.year;
  draft.status = "draft";
  draft.decided_by.clear();
  draft.approved_on.clear();
  if (current) {
    draft.id = current->id;
    draft.version = current->version;
    tx->money().update_budget(draft);
  } else {
    draft.version = 1;
    draft.id = tx->money().insert_budget(draft, env_.now());
  }
  record(*tx, env_.now(), actor, "budget.save", "budget", budget_record(ref),
         "version " + std::to_string(draft.version) + ", total " + format_sek(draft.total()));
  tx->commit();
  return draft;
}

Result<Budget> MoneyService::approve_budget(const Actor& actor, const BudgetRef& ref, std::string date,
                                            std::string decided_by) {
  if (!may_edit(actor)) return denied(env_, actor, "besluta budgeten", ref.programme_id);
  if (date.empty()) date = today_string(env_);
  if (!parse_date(date)) return invalid("date", "\"date\" ska vara ett datum ÅÅÅÅ-MM-DD.");
  if (date > today_string(env_)) return unprocessable("date", "Beslutsdatumet kan inte ligga i framtiden.");
  if (decided_by.empty()) return invalid("decided_by", "Ange vem som beslutade budgeten, t.ex. Förbundsstyrelsen.");
  if (decided_by.size() > 200) return invalid("decided_by", "\"decided_by\" får vara högst 200 tecken.");
  auto tx = env_.db.begin(true);
  if (!tx->organisation().programme(ref.programme_id)) return not_found("Insatsen finns inte.");
  auto b = tx->money().budget(ref.programme_id, ref.unit_id.value_or(0), ref.year, std::nullopt);
  if (!b) return not_found("Det finns ingen budget för " + std::to_string(ref.year) + " att besluta.");
  if (b->approved()) return conflict("Budgeten är redan beslutad.", "status");
  b->status = "approved";
  b->approved_on = date;
  b->decided_by = decided_by;
  tx->money().update_budget(*b);
  record(*tx, env_.now(), actor, "budget.approve", "budget", budget_record(ref),
         "version " + std::to_string(b->version) + " by " + decided_by + " " + date);
  tx->commit();
  return *b;
}

Result<Budget> MoneyService::new_budget_version(const Actor& actor, const BudgetRef& ref) {
  if (!may_edit(actor)) return denied(env_, actor, "ändra budgeten", ref.programme_id);
  auto tx = env_.db.begin(true);
  if (!tx->organisation().programme(ref.programme_id)) return not_found("Insatsen finns inte.");
  auto b = tx->money().budget(ref.programme_id, ref.unit_id.value_or(0), ref.year, std::nullopt);
  if (!b) return not_found("Det finns ingen budget för " + std::to_string(ref.year) + ".");
  if (!b->approved()) return conflict("Den senaste versionen är ett utkast; ändra den i stället.", "status");
  Budget next = *b;
  next.version = b->version + 1;
  next.status = "draft";
  next.decided_by.clear();
  next.approved_on.clear();
  next.id = tx->money().insert_budget(next, env_.now());
  record(*tx, env_.now(), actor, "budget.new_version", "budget", budget_record(ref),
         "version " + std::to_string(next.version));
  tx->commit();
  return next;
}

// ---- costs ----

Result<Id> MoneyService::add_cost(const Actor& actor, const CostInput& in) {
  if (!may_edit(actor)) return denied(env_, actor, "registrera kostnader", in.programme_id);
  auto month = parse_month(in.month);
  if (!month) return month.error();
  if (!std::any_of(default_budget_lines().begin(), default_budget_lines().end(),
                   [&](const BudgetLineDef& d) { return d.code == in.line; }))
    return unprocessable("line", "Okänd budgetrad \"" + in.line + "\" (loner, lokaler, resor, kompetens, datorer, ovrigt).");
  if (in.note.size() > 500) return invalid("note", "Anteckningen får vara högst 500 tecken.");
  if (std::abs(in.amount) > kMaxAmountOre) return unprocessable("amount", "Beloppet är större än 1 000 000 000 000 kr.");
  auto tx = env_.db.begin(true);
  auto p = tx->organisation().programme(in.programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  if (!month_in_period(*month, p->start_date, p->end_date))
    return unprocessable("month", "Månaden " + *month + " ligger utanför insatsens period (" + p->start_date + " – " +
                                      p->end_date + ").");
  store::CostRow c;
  c.programme_id = in.programme_id;
  if (!in.unit.empty()) {
    const Unit* u = find_unit(*p, in.unit);
    if (!u) return unprocessable("unit", "Okänd länsdel \"" + in.unit + "\" i insatsen.");
    c.unit_id = u->id;
  }
  c.month = *month;
  c.line = in.line;
  c.amount = in.amount;
  c.note = in.note;
  c.created_by = actor.user_id;
  Id id = tx->money().insert_cost(c, env_.now());
  record(*tx, env_.now(), actor, "cost.create", "cost", std::to_string(id),
         c.month + " " + c.line + " " + format_sek(c.amount) + (c.note.empty() ? "" : " (" + c.note + ")"));
  tx->commit();
  return id;
}

Result<ImportResult> MoneyService::import_costs(const Actor& actor, Id programme_id, const std::string& bytes,
                                                bool dry_run) {
  if (!may_edit(actor)) return denied(env_, actor, "läsa in kostnader", programme_id);
  auto parsed = parse_ledger(bytes);
  if (!parsed) return parsed.error();
  auto tx = env_.db.begin(!dry_run);
  auto p = tx->organisation().programme(programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  std::string first = "9999-12", last = "0000-01";
  for (const auto& r : *parsed)
    if (r.error.empty()) {
      first = std::min(first, r.month);
      last = std::max(last, r.month);
    }
  std::set<store::CostKey> seen;
  if (first <= last)
    for (auto& k : tx->money().cost_keys(programme_id, first, last)) seen.insert(std::move(k));

  ImportResult out;
  out.dry_run = dry_run;
  std::vector<store::CostRow> to_store;
  int errors = 0;
  for (const auto& r : *parsed) {
    ImportRow row{r.row, "ok", {}};
    const std::string prefix = "Rad " + std::to_string(r.row) + ": ";
    Id unit_id = 0;
    if (r.error.empty() && !r.unit.empty()) {
      const Unit* u = find_unit(*p, r.unit);
      if (u) unit_id = u->id;
      else row = ImportRow{r.row, "error", prefix + "okänd länsdel \"" + r.unit + "\"."};
    }
    if (!r.error.empty()) {
      row = ImportRow{r.row, "error", r.error};
    } else if (row.status == "ok" && !month_in_period(r.month, p->start_date, p->end_date)) {
      row = ImportRow{r.row, "error", prefix + "månaden " + r.month + " ligger utanför insatsens period."};
    } else if (row.status == "ok" && r.note.size() > 500) {
      row = ImportRow{r.row, "error", prefix + "anteckningen är längre än 500 tecken."};
    }
    if (row.status == "ok") {
      store::CostKey key{unit_id, r.month, r.line, r.amount, r.note};
      if (!seen.insert(key).second) {
        row = ImportRow{r.row, "duplicate", prefix + "finns redan (samma månad, rad, länsdel, belopp och anteckning)."};
      } else {
        store::CostRow c;
        c.programme_id = programme_id;
        c.unit_id = unit_id;
        c.month = r.month;
        c.line = r.line;
        c.amount = r.amount;
        c.note = r.note;
        c.source = "import";
        c.created_by = actor.user_id;
        to_store.push_back(std::move(c));
      }
    }
    if (row.status == "error") ++errors;
    out.rows.push_back(std::move(row));
  }
  if (dry_run) {
    tx.reset();
    record_standalone(env_, actor, "cost.import_dry_run", "programme", std::to_string(programme_id),
                      std::to_string(out.rows.size()) + " rows, " + std::to_string(errors) + " errors");
    return out;
  }
  if (errors) {
    out.error = unprocessable("file", "Filen har " + std::to_string(errors) +
                                          " rader med fel. Inget lästes in; rätta raderna och försök igen.");
    return out;
  }
  tx->money().insert_costs(to_store, env_.now());
  out.stored = static_cast<int>(to_store.size());
  record(*tx, env_.now(), actor, "cost.import", "programme", std::to_string(programme_id),
         std::to_string(out.stored) + " rows stored, " + std::to_string(out.rows.size() - to_store.size()) +
             " duplicates skipped");
  tx->commit();
  return out;
}

// ---- budget against actual ----

Result<EconomyResult> MoneyService::economy(const Actor& actor, Id programme_id, int year) {
  auto tx = env_.db.begin(false);
  auto p = load_viewable(*tx, actor, programme_id, "se insatsens ekonomi");
  if (!p) return p.error();
  EconomyResult out;
  out.programme = *p;
  out.can_edit = may_edit(actor);
  std::optional<Id> only;
  if (!may_view_all(actor)) {
    only = coordinated_units(actor, *p).front();
    out.unit = *unit_of(*p, *only);
  }
  EconomyInput in;
  in.year = year;
  in.today = today_of(env_);
  in.lines = default_budget_lines();
  for (const auto& b : tx->money().budgets_of_year(programme_id, year)) {
    if (b.unit_id == only.value_or(0)) {
      for (const auto& l : b.lines) in.line_budget[l.code] = l.amount;
      out.budget = b;
    }
    if (b.unit_id != 0 && (!only || b.unit_id == *only)) in.unit_budget[b.unit_id] = b.total();
  }
  for (const auto& u : p->units)
    if (!only || u.id == *only) in.unit_names[u.id] = u.name;
  for (const auto& t : p->tracks) in.track_names[t.code] = t.name;
  in.costs = tx->money().cost_totals(programme_id, year, only);
  const std::string y = std::to_string(year);
  in.enrolments = tx->reports().facts(programme_id, y + "-01-01", y + "-12-31");
  if (only) std::erase_if(in.enrolments, [&](const EnrolmentFacts& f) { return f.unit_id != *only; });
  out.recent_costs = tx->money().costs(programme_id, year, only, 12);
  tx.reset();
  out.economy = build_economy(in);
  record_standalone(env_, actor, "economy.view", "programme", std::to_string(programme_id),
                    "year " + y + (only ? ", unit " + std::to_string(*only) : ""));
  return out;
}

// ---- requisitions ----

Result<Requisition> MoneyService::create_requisition(const Actor& actor, Id programme_id, const std::string& unit,
                                                     const std::string& from, const std::string& to) {
  auto tx = env_.db.begin(true);
  auto p = tx->organisation().programme(programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  if (unit.empty()) return invalid("unit", "Ange länsdelen som rekvisitionen gäller.");
  const Unit* u = find_unit(*p, unit);
  if (!u) return unprocessable("unit", "Okänd länsdel \"" + unit + "\" i insatsen.");
  if (!may_edit(actor) && !actor.has_role_in_unit(Role::samordnare, u->id)) {
    tx.reset();  // the denial is audited in a transaction of its own
    return denied(env_, actor, "göra rekvisitioner för länsdelen", programme_id);
  }
  auto period = check_requisition_period(from, to);
  if (!period) return period.error();
  if (to_string(period->from) < p->start_date || (!p->end_date.empty() && to_string(period->to) > p->end_date))
    return unprocessable("from", "Perioden ligger utanför insatsens period (" + p->start_date + " – " + p->end_date + ").");
  for (const auto& other : tx->money().requisitions(programme_id, u->id)) {
    RequisitionPeriod op{*parse_date(other.from), *parse_date(other.to)};
    if (periods_overlap(*period, op))
      return conflict("Perioden överlappar rekvisitionen för " + other.from + " – " + other.to + ".", "from");
  }
  Ore amount = 0;
  const std::string first_month = from.substr(0, 7), last_month = to.substr(0, 7);
  for (int y = period->from.year; y <= period->to.year; ++y)
    for (const auto& c : tx->money().cost_totals(programme_id, y, u->id))
      if (c.month >= first_month && c.month <= last_month) amount += c.amount;
  Requisition r;
  r.programme_id = programme_id;
  r.unit_id = u->id;
  r.from = from;
  r.to = to;
  r.due = to_string(requisition_due(period->to));
  r.amount = amount;
  r.created_by = actor.name;
  r.id = tx->money().insert_requisition(r, env_.now());
  record(*tx, env_.now(), actor, "requisition.create", "requisition", std::to_string(r.id),
         u->name + " " + from + ".." + to + " " + format_sek(amount));
  tx->commit();
  return r;
}

Result<std::vector<Requisition>> MoneyService::requisitions(const Actor& actor, Id programme_id,
                                                            std::optional<Id> unit_id) {
  auto tx = env_.db.begin(false);
  auto p = load_viewable(*tx, actor, programme_id, "se insatsens rekvisitioner");
  if (!p) return p.error();
  if (unit_id && !unit_of(*p, *unit_id)) return unprocessable("unit", "Länsdelen hör inte till insatsen.");
  if (!may_view_all(actor)) {
    auto own = coordinated_units(actor, *p);
    if (unit_id && std::find(own.begin(), own.end(), *unit_id) == own.end())
      return denied(env_, actor, "se den länsdelens rekvisitioner", programme_id);
    unit_id = own.front();
  }
  return tx->money().requisitions(programme_id, unit_id);
}

Result<RequisitionView> MoneyService::requisition(const Actor& actor, Id id, bool for_pdf) {
  auto tx = env_.db.begin(false);
  auto r = tx->money().requisition(id);
  if (!r) return not_found("Rekvisitionen finns inte.");
  auto p = tx->organisation().programme(r->programme_id);
  if (!p) return not_found("Rekvisitionen finns inte.");
  if (!may_view_all(actor) && !actor.has_role_in_unit(Role::samordnare, r->unit_id))
    return denied(env_, actor, "se rekvisitionen", r->programme_id);
  RequisitionView v;
  v.requisition = *r;
  v.programme = *p;
  v.unit = *unit_of(*p, r->unit_id);
  std::map<std::string, Ore> by_line;
  const std::string first = r->from.substr(0, 7), last = r->to.substr(0, 7);
  for (int y = year_of(r->from); y <= year_of(r->to); ++y)
    for (const auto& c : tx->money().cost_totals(r->programme_id, y, r->unit_id))
      if (c.month >= first && c.month <= last) by_line[c.line] += c.amount;
  for (const auto& d : default_budget_lines()) {
    EconomyRow row;
    row.key = d.code;
    row.name = d.name;
    row.actual = by_line[d.code];
    v.lines.push_back(row);
  }
  if (auto b = tx->money().budget(r->programme_id, r->unit_id, year_of(r->from), std::nullopt)) v.unit_budget = b->total();
  v.can_send = r->status == "draft" && (may_edit(actor) || actor.has_role_in_unit(Role::samordnare, r->unit_id));
  v.can_pay = r->status == "sent" && may_edit(actor);
  tx.reset();
  if (for_pdf)
    record_standalone(env_, actor, "requisition.pdf", "requisition", std::to_string(id));
  return v;
}

Result<Requisition> MoneyService::set_requisition_status(const Actor& actor, Id id, const std::string& status,
                                                         std::string date) {
  if (date.empty()) date = today_string(env_);
  auto tx = env_.db.begin(true);
  auto r = tx->money().requisition(id);
  if (!r) return not_found("Rekvisitionen finns inte.");
  const bool own_unit = actor.has_role_in_unit(Role::samordnare, r->unit_id);
  const Id programme_id = r->programme_id;
  if ((status == "paid" && !may_edit(actor)) || (!may_edit(actor) && !own_unit)) {
    tx.reset();  // the denial is audited in a transaction of its own
    return denied(env_, actor,
                  status == "paid" && own_unit ? "markera rekvisitioner som betalda (ekonom eller förbundschef)"
                                               : "ändra rekvisitionen",
                  programme_id);
  }
  if (auto e = check_requisition_step(*r, status, date)) return *e;
  if (date > today_string(env_)) return unprocessable("date", "Datumet kan inte ligga i framtiden.");
  if (status == "sent") {
    r->sent_on = date;
    r->sent_by = actor.name;
  } else {
    r->paid_on = date;
    r->paid_by = actor.name;
  }
  r->status = status;
  tx->money().update_requisition(*r);
  record(*tx, env_.now(), actor, "requisition." + status, "requisition", std::to_string(id), date);
  tx->commit();
  return *r;
}

}  // namespace stegvis::app
