#include "http/json_codec.hpp"

#include <charconv>
#include <ctime>

#include "domain/organisation.hpp"
#include "domain/validation.hpp"

namespace stegvis::http {

namespace {
json opt(const std::optional<Id>& v) { return v ? json(*v) : json(nullptr); }
}  // namespace

json to_json(const Association& a) { return {{"id", a.id}, {"name", a.name}, {"org_number", a.org_number}}; }
json to_json(const Party& p) { return {{"id", p.id}, {"name", p.name}, {"kind", p.kind}}; }

json to_json(const Municipality& m) {
  return {{"id", m.id},
          {"name", m.name},
          {"party_id", opt(m.party_id)},
          {"population", m.population},
          {"socioeconomic_index", m.socioeconomic_index}};
}

json to_json(const Track& t) {
  return {{"id", t.id},           {"programme_id", t.programme_id}, {"code", t.code},
          {"name", t.name},       {"min_age", t.min_age},           {"max_age", t.max_age},
          {"staff_role", std::string(to_code(t.staff_role))}};
}

json to_json(const Unit& u) {
  json ms = json::array();
  for (const auto& m : u.municipalities) ms.push_back(to_json(m));
  return {{"id", u.id},
          {"programme_id", u.programme_id},
          {"name", u.name},
          {"controller_party_id", opt(u.controller_party_id)},
          {"municipalities", ms}};
}

json to_json(const Programme& p, bool with_children) {
  json j{{"id", p.id},
         {"name", p.name},
         {"start_date", p.start_date},
         {"end_date", p.end_date},
         {"purpose", p.purpose},
         {"target_group", p.target_group}};
  if (!with_children) return j;
  j["tracks"] = json::array();
  for (const auto& t : p.tracks) j["tracks"].push_back(to_json(t));
  j["units"] = json::array();
  for (const auto& u : p.units) j["units"].push_back(to_json(u));
  return j;
}

json to_json(const Staff& s) {
  json roles = json::array(), codes = json::array(), fte = json::object();
  for (const auto& r : s.roles) {
    std::string code(to_code(r.role));
    roles.push_back({{"role", code},
                     {"unit_id", opt(r.unit_id)},
                     {"municipality_id", opt(r.municipality_id)},
                     {"fte_pct", r.fte_pct}});
    codes.push_back(code);
    fte[code] = fte.value(code, 0.0) + r.fte_pct;
  }
  return {{"id", s.id},
          {"username", s.username},
          {"name", s.name},
          {"email", s.email},
          {"employing_party_id", opt(s.employing_party_id)},
          {"disabled", s.disabled},
          {"roles", codes},
          {"assignments", roles},
          {"fte", fte},
          {"capacity", capacity(s)}};
}

json to_json(const store::AuditEntry& e) {
  return {{"id", e.id},
          {"at", iso_time(e.at)},
          {"user_id", opt(e.user_id)},
          {"username", e.username},
          {"action", e.action},
          {"record_type", e.record_type},
          {"record_id", e.record_id},
          {"address", e.address},
          {"detail", e.detail},
          {"hash", e.hash}};
}

json to_json(const store::ApiTokenRow& t) {
  return {{"id", t.id},
          {"user_id", t.user_id},
          {"username", t.username},
          {"name", t.name},
          {"created_at", iso_time(t.created_at)},
          {"revoked_at", t.revoked_at ? json(iso_time(*t.revoked_at)) : json(nullptr)}};
}

Response json_response(const json& body, int status) {
  return {status, "application/json", body.dump(-1, ' ', false, json::error_handler_t::replace), {}};
}

Response json_list(const json& items, std::size_t total) {
  return json_response({{"items", items}, {"total", total}});
}

namespace {
// Nesting deeper than any request body needs. nlohmann parses without recursion,
// but copying, comparing and printing a value recurse once per level: refuse
// deep bodies before they become values.
constexpr int kMaxJsonDepth = 64;

bool nested_too_deep(const std::string& body) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}
}  // namespace

Result<json> parse_object(const std::string& body) {
  if (body.empty()) return invalid("", "Förfrågan saknar innehåll (JSON-objekt väntades).");
  if (nested_too_deep(body)) return invalid("", "JSON-innehållet är för djupt nästlat.");
  json j;
  try {
    j = json::parse(body);
  } catch (const json::exception&) {  // parse_error, and out_of_range for numbers such as 1e400
    return invalid("", "Ogiltig JSON i förfrågan.");
  }
  if (!j.is_object()) return invalid("", "Ett JSON-objekt väntades.");
  return j;
}

std::optional<Id> parse_id(const std::string& s) {
  Id v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

namespace {
Error wrong_type(const char* field, const char* what) {
  return invalid(field, std::string("Fältet \"") + field + "\" ska vara " + what + ".");
}
Error missing(const char* field) { return invalid(field, std::string("Fältet \"") + field + "\" saknas."); }
}  // namespace

std::optional<Error> read_string(const json& j, const char* field, std::string& out, bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return required ? std::optional<Error>(missing(field)) : std::nullopt;
  if (!it->is_string()) return wrong_type(field, "en text");
  out = it->get<std::string>();
  return std::nullopt;
}

std::optional<Error> read_int(const json& j, const char* field, std::int64_t& out, bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return required ? std::optional<Error>(missing(field)) : std::nullopt;
  if (!it->is_number_integer()) return wrong_type(field, "ett heltal");
  out = it->get<std::int64_t>();
  return std::nullopt;
}

std::optional<Error> read_number(const json& j, const char* field, double& out, bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return required ? std::optional<Error>(missing(field)) : std::nullopt;
  if (!it->is_number()) return wrong_type(field, "ett tal");
  out = it->get<double>();
  return std::nullopt;
}

std::optional<Error> read_bool(const json& j, const char* field, bool& out, bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return required ? std::optional<Error>(missing(field)) : std::nullopt;
  if (!it->is_boolean()) return wrong_type(field, "true eller false");
  out = it->get<bool>();
  return std::nullopt;
}

std::optional<Error> read_opt_id(const json& j, const char* field, std::optional<Id>& out) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) { out.reset(); return std::nullopt; }
  if (!it->is_number_integer() || it->get<std::int64_t>() <= 0) return wrong_type(field, "ett id (positivt heltal)");
  out = it->get<Id>();
  return std::nullopt;
}

std::optional<std::int64_t> unix_day(const std::string& date, int add_days) {
  if (!is_valid_date(date)) return std::nullopt;
  std::tm tm{};
  tm.tm_year = std::stoi(date.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(date.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(date.substr(8, 2));
  return static_cast<std::int64_t>(timegm(&tm)) + add_days * 86400LL;
}

std::string iso_time(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
  return buf;
}

}  // namespace stegvis::http
