// A questionnaire from its JSON form (api.md: name, group, items with id, text,
// kind, min, max, required), as defined through the API, imported from a file
// or shipped with the product: a wrong type is a 400 naming its path
// ("items[2].max"); the rules themselves are check_questionnaire's. Pure.
#include "app/questionnaire_import.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace stegvis::app {
using nlohmann::json;

namespace {

Error at(const std::string& path, const std::string& what) { return invalid(path, path + ": " + what); }

std::optional<Error> opt_string(const json& o, const std::string& base, const char* key, std::string& out) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) return at(base + key, "ska vara text.");
  out = it->get<std::string>();
  return std::nullopt;
}

std::optional<Error> opt_int(const json& o, const std::string& base, const char* key, int& out) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer() || it->get<std::int64_t>() < -1000 || it->get<std::int64_t>() > 1000)
    return at(base + key, "ska vara ett heltal.");
  out = static_cast<int>(it->get<std::int64_t>());
  return std::nullopt;
}

std::optional<Error> decode_item(const json& o, const std::string& p, QuestionItem& item) {
  if (!o.is_object()) return at(p, "varje fråga ska vara ett objekt med id, text och kind.");
  const std::string base = p + ".";
  for (const char* key : {"id", "text", "kind"}) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return at(base + key, "saknas.");
  }
  if (auto e = opt_string(o, base, "id", item.key)) return e;
  if (auto e = opt_string(o, base, "text", item.text)) return e;
  std::string kind;
  if (auto e = opt_string(o, base, "kind", kind)) return e;
  auto k = item_kind_from_code(kind);
  if (!k) return at(base + "kind", "ska vara scale, frequency eller text (inte \"" + kind + "\").");
  item.kind = *k;
  if (auto e = opt_int(o, base, "min", item.min)) return e;
  if (auto e = opt_int(o, base, "max", item.max)) return e;
  if (auto e = opt_string(o, base, "min_label", item.min_label)) return e;
  if (auto e = opt_string(o, base, "max_label", item.max_label)) return e;
  if (auto it = o.find("required"); it != o.end() && !it->is_null()) {
    if (!it->is_boolean()) return at(base + "required", "ska vara true eller false.");
    item.required = it->get<bool>();
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> questionnaire_from_json(const json& j, QuestionnaireDraft& d) {
  for (const char* key : {"name", "group"})
    if (auto it = j.find(key); it == j.end() || it->is_null()) return at(key, "saknas.");
  if (auto e = opt_string(j, "", "name", d.name)) return e;
  if (auto e = opt_string(j, "", "group", d.group)) return e;
  if (auto e = opt_string(j, "", "description", d.description)) return e;
  auto it = j.find("items");
  if (it == j.end() || !it->is_array()) return at("items", "ska vara en lista med frågor.");
  if (it->size() > kMaxItems) return at("items", "högst " + std::to_string(kMaxItems) + " frågor.");
  for (std::size_t i = 0; i < it->size(); ++i) {
    QuestionItem item;
    if (auto e = decode_item((*it)[i], "items[" + std::to_string(i) + "]", item)) return e;
    d.items.push_back(std::move(item));
  }
  return std::nullopt;
}

}  // namespace stegvis::app
