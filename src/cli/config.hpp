// Settings of the stegvis command: defaults that work for the demo, then
// stegvis.toml, then STEGVIS_* environment variables, then command-line flags.
#pragma once
#include <string>
#include <vector>

namespace stegvis::cli {

struct Config {
  std::string db = "sqlite:stegvis.db";
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string key_file = "stegvis.key";
  std::string web_dir = STEGVIS_DEFAULT_WEB_DIR;
  int idle_timeout_minutes = 30;
  int threads = 32;
  int read_timeout_s = 10;  // a request that sends nothing for this long is dropped
  bool secure_cookies = false;
  // Retention (gallring): enrolments exited more than this many years ago lose identifiers and free text.
  int retention_years = 5;
  // The programme catalogue readable without login (issue #9).
  bool public_catalogue = false;
  // Lasting-effect checks after exit, in months ("6,12" in STEGVIS_LASTING_EFFECT_MONTHS).
  std::vector<int> lasting_effect_months{6, 12};
};

// Reads the TOML file if it exists (missing is fine) and the environment. Throws on a malformed file.
Config load_config(const std::string& toml_path);

}  // namespace stegvis::cli
