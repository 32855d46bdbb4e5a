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
  return c;
}

}  // namespace stegvis::cli
