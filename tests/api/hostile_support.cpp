#include "api/hostile_support.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <sstream>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "domain/validation.hpp"
#include "store/store.hpp"

namespace stegvis::test {

const std::vector<RouteInfo>& server_routes() {
  static const std::vector<RouteInfo> routes = [] {
    std::string out;
    if (run_stegvis({"routes"}, &out) != 0) throw std::runtime_error("stegvis routes failed: " + out);
    std::vector<RouteInfo> all;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
      std::istringstream f(line);
      RouteInfo r;
      std::string auth, kind;
      if (!(f >> r.method >> r.pattern >> auth >> kind)) continue;
      r.is_public = auth == "public";
      r.is_api = kind == "api";
      for (std::size_t open = r.pattern.find('{'); open != std::string::npos; open = r.pattern.find('{', open + 1))
        r.params.push_back(r.pattern.substr(open + 1, r.pattern.find('}', open) - open - 1));
      all.push_back(r);
    }
    return all;
  }();
  return routes;
}

namespace {

// Tables that requests write to whatever their outcome.
const std::set<std::string> kAlwaysWritten{"audit_log", "web_session", "login_failure", "schema_version"};

// One connection for the whole run: a PostgreSQL login per count would dominate the suite's time.
soci::session& open_session() {
  static soci::session s = [] {
    const std::string& url = server().db_url;
    if (url.rfind("sqlite:", 0) == 0) return soci::session(soci::sqlite3, "db=" + url.substr(7) + " timeout=10");
    return soci::session(soci::postgresql, store::postgresql_keywords(url));
  }();
  return s;
}

}  // namespace

std::map<std::string, std::int64_t> row_counts() {
  soci::session& s = open_session();
  const bool sqlite = server().db_url.rfind("sqlite:", 0) == 0;
  std::vector<std::string> tables;
  soci::rowset<std::string> names =
      s.prepare << (sqlite ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                           : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                             "AND table_type = 'BASE TABLE'");
  for (const auto& n : names)
    if (!kAlwaysWritten.count(n)) tables.push_back(n);
  // One statement for all tables; the names come from the catalogue, not from input.
  std::string sql;
  // Counts as text: the column's type differs by backend (and SQLite reports none for COUNT).
  for (const auto& t : tables)
    sql += (sql.empty() ? "" : " UNION ALL ") + std::string("SELECT CAST(COUNT(*) AS TEXT) FROM ") + t;
  std::map<std::string, std::int64_t> counts;
  soci::rowset<std::string> rows = s.prepare << sql;
  std::size_t i = 0;
  for (const auto& n : rows) counts[tables.at(i++)] = std::stoll(n);
  return counts;
}

std::string count_changes(const std::map<std::string, std::int64_t>& before,
                          const std::map<std::string, std::int64_t>& after) {
  std::string out;
  for (const auto& [table, n] : after) {
    auto it = before.find(table);
    std::int64_t was = it == before.end() ? 0 : it->second;
    if (was != n) out += table + ": " + std::to_string(was) + " -> " + std::to_string(n) + "\n";
  }
  return out;
}

namespace {
// A whole HTTP answer: headers and as many body bytes as Content-Length says.
bool answer_complete(const std::string& answer) {
  auto end = answer.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  std::string head = answer.substr(0, end);
  for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto cl = head.find("\r\ncontent-length:");
  if (cl == std::string::npos) return false;
  return answer.size() - end - 4 >= std::strtoull(head.c_str() + cl + 17, nullptr, 10);
}
}  // namespace

std::string raw_exchange(const std::string& bytes, int timeout_ms, const std::string& source_ip) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  if (!source_ip.empty()) {
    sockaddr_in src{};
    src.sin_family = AF_INET;
    inet_pton(AF_INET, source_ip.c_str(), &src.sin_addr);
    bind(fd, reinterpret_cast<sockaddr*>(&src), sizeof src);
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(server().port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "";
  }
  for (std::size_t sent = 0; sent < bytes.size();) {
    ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (e.g. on an oversize header)
    sent += static_cast<std::size_t>(n);
  }
  std::string answer;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char buf[8192];
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    answer.append(buf, static_cast<std::size_t>(n));
    if (answer_complete(answer)) break;  // a kept-alive connection stays open after a whole answer
  }
  close(fd);
  return answer;
}

int raw_status(const std::string& answer) {
  if (answer.rfind("HTTP/1.", 0) != 0 || answer.size() < 12) return 0;
  return std::atoi(answer.substr(9, 3).c_str());
}

std::string RawReply::header(const std::string& name) const {
  auto lower = [](std::string x) {
    for (auto& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return x;
  };
  const std::string want = lower(name) + ":";
  std::istringstream lines(head);
  std::string line;
  while (std::getline(lines, line)) {
    if (lower(line.substr(0, want.size())) != want) continue;
    std::string v = line.substr(want.size());
    while (!v.empty() && (v.front() == ' ')) v.erase(0, 1);
    while (!v.empty() && (v.back() == '\r' || v.back() == ' ')) v.pop_back();
    return v;
  }
  return "";
}

bool RawReply::has_header_line(const std::string& line_start) const {
  return head.find("\r\n" + line_start) != std::string::npos || head.find("\n" + line_start) != std::string::npos;
}

RawReply send_raw(const std::string& method, const std::string& target,
                  const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body,
                  const std::string& source_ip) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) request += k + ": " + v + "\r\n";
  if (!body.empty() || method != "GET") request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  request += "\r\n" + body;
  std::string answer = raw_exchange(request, 30000, source_ip);
  RawReply r;
  r.status = raw_status(answer);
  auto split = answer.find("\r\n\r\n");
  r.head = answer.substr(0, split);
  if (split != std::string::npos) r.body = answer.substr(split + 4);
  return r;
}

std::vector<std::string> invalid_utf8_cells() {
  std::vector<std::string> bad;
  if (server().db_url.rfind("sqlite:", 0) != 0) return bad;
  soci::session& s = open_session();
  std::vector<std::string> tables;
  soci::rowset<std::string> names = s.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
  for (const auto& n : names) tables.push_back(n);
  for (const auto& t : tables) {
    soci::rowset<soci::row> rows = s.prepare << "SELECT * FROM " + t;  // t comes from the catalogue
    for (const auto& row : rows)
      for (std::size_t i = 0; i < row.size(); ++i)
        if (row.get_properties(i).get_data_type() == soci::dt_string && row.get_indicator(i) == soci::i_ok &&
            !is_valid_utf8(row.get<std::string>(i)))
          bad.push_back(t + "." + row.get_properties(i).get_name());
  }
  return bad;
}

int login_from(const std::string& source_ip, const std::string& username, const std::string& password,
               const std::string& extra_headers) {
  const std::string body = json{{"username", username}, {"password", password}}.dump();
  const std::string request = "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                              "Content-Type: application/json\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n" + extra_headers + "\r\n" + body;
  return raw_status(raw_exchange(request, 30000, source_ip));
}

}  // namespace stegvis::test
