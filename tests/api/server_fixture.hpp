// Starts the real stegvis binary (demo data, then serve) on a free loopback
// port once for all API tests, and gives them an HTTP client that logs in.
#pragma once
#include <gtest/gtest.h>
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
  // Raw request with full control over headers and body; any method (GET, POST, PATCH, ...).
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

// The reply has this status and the uniform error body {"error": {"code", "message", "field"?}};
// with field given, error.field must equal it.
::testing::AssertionResult is_error(const Reply& r, int status, const std::string& code,
                                    const std::string& field = "");
// GET /api/v1/health answers 200 {"status":"ok"}.
bool server_alive();

// A name no other test (and no other run on the same database) uses:
// prefix-<pid>-<counter>; valid as a username when the prefix is (a-z 0-9 . _ -).
std::string unique_name(const std::string& prefix);

// A client logged in as this account (fails the test if it cannot).
ApiClient logged_in(const std::string& username, const std::string& password = "demo-stegvis");

// Look-ups of demo data by name, through the API as admin; 0 when not found.
std::int64_t demo_programme_id(ApiClient& admin);
std::int64_t demo_unit_id(ApiClient& admin, const std::string& unit_name);
std::int64_t municipality_id(ApiClient& admin, const std::string& name);
std::int64_t party_id(ApiClient& admin, const std::string& name);
// The staff record (as GET /api/v1/staff returns it) with this username, or null.
json staff_by_username(ApiClient& admin, const std::string& username);
// Creates a member of staff with these roles (POST /api/v1/staff as admin); returns the id or 0.
std::int64_t create_staff(ApiClient& admin, const std::string& username, const std::string& password,
                          const json& roles);

// Audit entries matching the query string (e.g. "action=login&user=admin"), newest first.
json audit_entries(ApiClient& admin, const std::string& query);

// Moves the session's last activity back by the given number of minutes, directly
// in the database, as if the user had been idle that long.
void age_session(const std::string& cookie, int minutes);

}  // namespace stegvis::test
