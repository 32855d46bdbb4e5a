// JSON encoding of domain values and careful decoding of request bodies: every
// missing field, wrong type or bad value becomes a 400 error naming the field.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "domain/organisation.hpp"
#include "domain/result.hpp"
#include "http/request.hpp"
#include "store/records.hpp"

namespace stegvis::http {

using nlohmann::json;

json to_json(const Association& a);
json to_json(const Party& p);
json to_json(const Municipality& m);
json to_json(const Track& t);
json to_json(const Unit& u);
json to_json(const Programme& p, bool with_children = true);
json to_json(const Staff& s);
json to_json(const store::AuditEntry& e);
json to_json(const store::ApiTokenRow& t);

Response json_response(const json& body, int status = 200);
// {"items": [...], "total": n}
Response json_list(const json& items, std::size_t total);

// The body as a JSON object, or a 400 error (malformed, not an object, invalid UTF-8).
Result<json> parse_object(const std::string& body);
// The path parameter as a positive id, or nothing.
std::optional<Id> parse_id(const std::string& s);

// Field readers: return an error naming the field when it is missing (if
// required) or of the wrong type; leave out untouched when absent and optional.
std::optional<Error> read_string(const json& j, const char* field, std::string& out, bool required = true);
std::optional<Error> read_int(const json& j, const char* field, std::int64_t& out, bool required = true);
std::optional<Error> read_number(const json& j, const char* field, double& out, bool required = true);
std::optional<Error> read_bool(const json& j, const char* field, bool& out, bool required = true);
std::optional<Error> read_opt_id(const json& j, const char* field, std::optional<Id>& out);

// Midnight UTC of a YYYY-MM-DD date plus add_days, as unix seconds; nothing when the date is invalid.
std::optional<std::int64_t> unix_day(const std::string& date, int add_days = 0);

// A party or municipality may be named by id or by its exact name (api.md vocabulary).
template <typename T>
std::optional<Error> resolve(const json& value, const std::vector<T>& all, const char* field, Id& out) {
  if (value.is_number_integer()) {
    for (const auto& x : all)
      if (x.id == value.get<Id>()) { out = x.id; return std::nullopt; }
  } else if (value.is_string()) {
    for (const auto& x : all)
      if (x.name == value.get<std::string>()) { out = x.id; return std::nullopt; }
  } else {
    return invalid(field, std::string("Fältet \"") + field + "\" ska vara ett id eller ett namn.");
  }
  return invalid(field, std::string("Okänt värde i \"") + field + "\".");
}

// The current time as ISO 8601 with offset (UTC), for audit entries.
std::string iso_time(std::int64_t unix_seconds);

}  // namespace stegvis::http
