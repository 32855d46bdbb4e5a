// Request bodies of issue #9's routes: a catalogue entry, a strategy item's
// status, the consent to contact after exit and a lasting-effect check. Pure;
// in the fuzz table request_decoders() with the others.
#include "http/request_decoders.hpp"

namespace stegvis::http {

std::optional<Error> decode_catalogue_entry(const json& j, CatalogueEntry& e) {
  if (auto err = read_string(j, "name", e.name)) return err;
  const std::pair<const char*, std::string*> optional_texts[] = {
      {"association", &e.association}, {"county", &e.county},        {"owner_provider", &e.owner_provider},
      {"financing", &e.financing},     {"period_start", &e.period_start}, {"period_end", &e.period_end},
      {"purpose", &e.purpose},         {"target_group", &e.target_group}, {"places", &e.places},
      {"goals", &e.goals},             {"results", &e.results},      {"contact", &e.contact},
      {"source_note", &e.source_note}};
  for (const auto& [field, value] : optional_texts)
    if (auto err = read_string(j, field, *value, false)) return err;
  return read_opt_id(j, "programme_id", e.programme_id);
}

std::optional<Error> decode_strategy_item(const json& j, app::ItemUpdate& in) {
  if (auto e = read_string(j, "status", in.status)) return e;
  if (j.contains("responsible") && !j["responsible"].is_null()) {
    if (auto e = read_string(j, "responsible", in.responsible)) return e;
    in.has_responsible = true;
  }
  return read_string(j, "note", in.note, false);
}

std::optional<Error> decode_contact_after_exit(const json& j, ContactAfterExitInput& in) {
  if (auto e = read_bool(j, "given", in.given)) return e;
  return read_string(j, "date", in.date, false);
}

std::optional<Error> decode_lasting_effect(const json& j, LastingEffect& e) {
  std::int64_t months = 0;
  if (auto err = read_int(j, "months", months)) return err;
  if (months < 1 || months > 60) return invalid("months", "Ange antal månader efter avslutet, till exempel 6 eller 12.");
  e.months = static_cast<int>(months);
  if (auto err = read_string(j, "status", e.status)) return err;
  return read_string(j, "date", e.date, false);
}

}  // namespace stegvis::http
