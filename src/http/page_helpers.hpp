// Small helpers the page handlers share: select options, error rendering,
// and names for ids in view models.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.hpp"
#include "domain/result.hpp"
#include "http/page_renderer.hpp"

namespace stegvis::http {

using nlohmann::json;

// [{value, label, selected}] from anything with id and name, plus an empty choice first.
template <typename T>
json options(const std::vector<T>& items, std::optional<Id> selected, const std::string& empty_label) {
  json out = json::array();
  out.push_back({{"value", ""}, {"label", empty_label}, {"selected", !selected}});
  for (const auto& x : items)
    out.push_back({{"value", std::to_string(x.id)}, {"label", x.name}, {"selected", selected && *selected == x.id}});
  return out;
}

template <typename T>
std::string name_of(const std::vector<T>& items, std::optional<Id> id) {
  if (!id) return "";
  for (const auto& x : items)
    if (x.id == *id) return x.name;
  return "";
}

// An error page for a use-case error (403, 404, ...).
Response error_response(PageRenderer& pages, const Request& req, const Error& e);

std::optional<Id> form_id(const std::string& value);

// A plain local path ("/units/3") that is safe to redirect to after login or a language switch.
bool is_local_path(const std::string& path);

}  // namespace stegvis::http
