#include "app/diary_service.hpp"

#include "app/audit.hpp"
#include "app/participant_access.hpp"

namespace stegvis::app {

bool may_use_diary(const Actor& a, Id unit_id) {
  for (Role r : {Role::samordnare, Role::coach, Role::koordinator})
    if (a.has_role_in_unit(r, unit_id)) return true;
  return false;
}

Result<Id> DiaryService::add(const Actor& actor, DiaryEntry e, bool acknowledge_names) {
  if (!may_use_diary(actor, e.unit_id)) {
    record_standalone(env_, actor, "access.denied", "diary", std::to_string(e.unit_id));
    return forbidden("Veckodagboken skrivs och läses av länsdelens personal.");
  }
  if (auto err = check_diary_entry(e)) return *err;
  auto tx = env_.db.begin(true);
  if (!tx->organisation().unit(e.unit_id)) return not_found("Länsdelen finns inte.");
  if (!acknowledge_names) {
    // Only participants the writer already sees: a warning about anyone else would disclose that they take part.
    store::EnrolmentFilter f;
    f.unit_id = e.unit_id;
    f.status = "active";
    f.limit = 1000;
    if (!coordinates_unit(actor, e.unit_id)) f.staff_id = actor.user_id;
    int total = 0;
    std::vector<std::string> names;
    for (const auto& en : tx->participants().enrolments(f, &total)) {
      if (!may_see_enrolment(actor, en) || en.anonymous || !en.person_id || en.purged()) continue;
      if (auto who = tx->participants().identity(*en.person_id)) names.push_back(who->first_name + " " + who->last_name);
    }
    auto found = names_in_text(e.text, names);
    if (!found.empty()) {
      std::string list;
      for (const auto& n : found) list += (list.empty() ? "" : ", ") + n;
      return unprocessable("text", "Texten nämner " + list + ", som är namn på deltagare du arbetar med. Skriv utan "
                                   "namn, eller bekräfta att det inte gäller en deltagare och spara igen.");
    }
  }
  e.author_id = actor.user_id;
  e.created_at = env_.now();
  Id id = tx->governance().add_diary_entry(e);
  record(*tx, env_.now(), actor, "diary.create", "diary", std::to_string(id), "unit " + std::to_string(e.unit_id));
  tx->commit();
  return id;
}

Result<std::vector<DiaryEntry>> DiaryService::list(const Actor& actor, Id unit_id, int year) {
  if (!may_use_diary(actor, unit_id)) {
    record_standalone(env_, actor, "access.denied", "diary", std::to_string(unit_id));
    return forbidden("Veckodagboken skrivs och läses av länsdelens personal.");
  }
  std::vector<DiaryEntry> out;
  {
    auto tx = env_.db.begin(false);
    if (!tx->organisation().unit(unit_id)) return not_found("Länsdelen finns inte.");
    out = tx->governance().diary_entries(unit_id, year);
  }
  record_standalone(env_, actor, "diary.read", "unit", std::to_string(unit_id));
  return out;
}

}  // namespace stegvis::app
