// Starts the real stegvis binary (demo data, then serve) on a free loopback
// port once for all API tests, and gives them an HTTP client that logs in.
#pragma once
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace stegvis::test {

using nlohmann::json;

struct Reply {
  int status = 0;
  json body;
  std::string text;
  httplib::Headers headers;
  std::string header(const std::string& name) const;
};

class ApiClient {
 public:
  explicit ApiClient(int port);
  // Logs in over POST /api/v1/session; keeps the cookie and CSRF token.
  Reply login(const std::string& username, const std::string& password = "demo-stegvis");
  Reply get(const std::string& path);
  Reply post(const std::string& path, const json& body);
  Reply put(const std::string& path, const json& body);
  Reply del(const std::string& path);
  // Raw request with full control over headers and body.
  Reply raw(const std::string& method, const std::string& path, const std::string& body,
            const std::string& content_type, httplib::Headers headers);
  std::string cookie;  // "stegvis_session=..."
  std::string csrf;
  std::string bearer;

 private:
  httplib::Headers auth_headers(bool with_csrf) const;
  int port_;
};

struct ServerInfo {
  int port = 0;
  std::string db_url;
  std::string binary;
  std::string key_file;
};

// The shared server, started on first use and stopped at exit.
const ServerInfo& server();
// Runs the stegvis binary with arguments, returns exit code; output into *out.
int run_stegvis(const std::vector<std::string>& args, std::string* out = nullptr, const std::string& stdin_text = "");

}  // namespace stegvis::test
