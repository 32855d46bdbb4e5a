// Helpers of the hostile-input suites (hostile_*_test.cpp): the server's own
// route table (so that a new route is attacked without editing the tests),
// row counts of every table (nothing stored half-way), and raw sockets for
// what an HTTP client library will not send.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "api/server_fixture.hpp"

namespace stegvis::test {

struct RouteInfo {
  std::string method;
  std::string pattern;  // "/api/v1/enrolments/{id}/contacts"
  bool is_public = false;
  bool is_api = true;
  std::vector<std::string> params;  // names in the pattern, in order
  bool changes_state() const { return method != "GET" && method != "HEAD"; }
  // The pattern with every {param} replaced by value_for(param name, segment before it).
  template <typename F>
  std::string fill(F value_for) const {
    std::string out, previous;
    std::size_t start = 1;
    while (start <= pattern.size()) {
      std::size_t end = pattern.find('/', start);
      if (end == std::string::npos) end = pattern.size();
      std::string seg = pattern.substr(start, end - start);
      if (seg.size() > 2 && seg.front() == '{') seg = value_for(seg.substr(1, seg.size() - 2), previous);
      if (end > start || pattern == "/") out += "/" + seg;
      previous = pattern.substr(start, end - start);
      start = end + 1;
    }
    return out.empty() ? "/" : out;
  }
};

// Every route of the server under test, from `stegvis routes` (read once).
const std::vector<RouteInfo>& server_routes();

// Rows per table in the server's database, for every table but the ones every
// request may write to (audit log, sessions, login failures).
std::map<std::string, std::int64_t> row_counts();
// The tables whose count differs, as "table: before -> after" lines ("" when none).
std::string count_changes(const std::map<std::string, std::int64_t>& before,
                          const std::map<std::string, std::int64_t>& after);

// Sends bytes over a fresh TCP connection to the server and returns what came
// back until the server closed or timeout_ms passed. source_ip (e.g. 127.0.0.7)
// makes the request come from another loopback address.
std::string raw_exchange(const std::string& bytes, int timeout_ms = 5000, const std::string& source_ip = "");
// The status code of a raw HTTP answer, 0 when there is none.
int raw_status(const std::string& answer);

struct RawReply {
  int status = 0;
  std::string head;  // status line and headers
  std::string body;
  // The first header of that name (case-insensitive), "" when absent.
  std::string header(const std::string& name) const;
  bool has_header_line(const std::string& line_start) const;
};
// One request with exactly these bytes in the target, headers and body (Connection: close added).
RawReply send_raw(const std::string& method, const std::string& target,
                  const std::vector<std::pair<std::string, std::string>>& headers = {}, const std::string& body = "",
                  const std::string& source_ip = "");

// "table.column" of every stored text that is not valid UTF-8 (SQLite; PostgreSQL cannot store it).
std::vector<std::string> invalid_utf8_cells();

// Logged in as this user from another loopback address; returns the HTTP status.
int login_from(const std::string& source_ip, const std::string& username, const std::string& password,
               const std::string& extra_headers = "");

}  // namespace stegvis::test
