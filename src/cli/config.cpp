#include "cli/config.hpp"

#include <toml++/toml.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace stegvis::cli {
namespace {

void from_env(const char* name, std::string& out) {
  if (const char* v = std::getenv(name); v && *v) out = v;
}
void from_env(const char* name, int& out) {
  if (const char* v = std::getenv(name); v && *v) {
    try {
      out = std::stoi(v);
    } catch (const std::exception&) {
      throw std::runtime_error(std::string(name) + " must be a whole number");
    }
  }
}
void from_env(const char* name, bool& out) {
  if (const char* v = std::getenv(name); v && *v) out = std::string(v) == "1" || std::string(v) == "true";
}

// "6,12" → {6, 12}: whole months from 1 to 60.
std::vector<int> months_list(const std::string& text, const std::string& name) {
  std::vector<int> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    try {
      int m = std::stoi(text.substr(start, end - start));
      if (m < 1 || m > 60) throw std::out_of_range("months");
      out.push_back(m);
    } catch (const std::exception&) {
      throw std::runtime_error(name + " must list whole months from 1 to 60, e.g. 6,12");
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

Config load_config(const std::string& toml_path) {
  Config c;
  if (std::filesystem::exists(toml_path)) {
    toml::table t;
    try {
      t = toml::parse_file(toml_path);
    } catch (const toml::parse_error& e) {
      throw std::runtime_error(toml_path + ": " + std::string(e.description()));
    }
    c.db = t["db"].value_or(c.db);
    c.bind = t["bind"].value_or(c.bind);
    c.port = t["port"].value_or(c.port);
    c.key_file = t["key_file"].value_or(c.key_file);
    c.web_dir = t["web_dir"].value_or(c.web_dir);
    c.idle_timeout_minutes = t["idle_timeout_minutes"].value_or(c.idle_timeout_minutes);
    c.threads = t["threads"].value_or(c.threads);
    c.read_timeout_s = t["read_timeout_s"].value_or(c.read_timeout_s);
    c.secure_cookies = t["secure_cookies"].value_or(c.secure_cookies);
    c.retention_years = t["retention_years"].value_or(c.retention_years);
    c.public_catalogue = t["public_catalogue"].value_or(c.public_catalogue);
    if (auto* months = t["lasting_effect_months"].as_array()) {
      std::string text;
      for (const auto& m : *months) text += (text.empty() ? "" : ",") + std::to_string(m.value_or(0));
      c.lasting_effect_months = months_list(text, "lasting_effect_months");
    }
  }
  from_env("STEGVIS_DB", c.db);
  from_env("STEGVIS_BIND", c.bind);
  from_env("STEGVIS_PORT", c.port);
  from_env("STEGVIS_KEY_FILE", c.key_file);
  from_env("STEGVIS_WEB_DIR", c.web_dir);
  from_env("STEGVIS_IDLE_TIMEOUT", c.idle_timeout_minutes);
  from_env("STEGVIS_THREADS", c.threads);
  from_env("STEGVIS_READ_TIMEOUT", c.read_timeout_s);
  from_env("STEGVIS_SECURE_COOKIES", c.secure_cookies);
  from_env("STEGVIS_RETENTION_YEARS", c.retention_years);
  from_env("STEGVIS_PUBLIC_CATALOGUE", c.public_catalogue);
  if (const char* v = std::getenv("STEGVIS_LASTING_EFFECT_MONTHS"); v && *v)
    c.lasting_effect_months = months_list(v, "STEGVIS_LASTING_EFFECT_MONTHS");
  return c;
}

}  // namespace stegvis::cli
