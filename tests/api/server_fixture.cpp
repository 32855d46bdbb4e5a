#include "api/server_fixture.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <atomic>
#include <thread>

#include "crypto/crypto.hpp"
#include "store/store.hpp"

namespace stegvis::test {
namespace fs = std::filesystem;

std::string Reply::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

namespace {

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

Reply to_reply(const httplib::Result& r) {
  Reply out;
  if (!r) return out;
  out.status = r->status;
  out.text = r->body;
  out.headers = r->headers;
  if (r->get_header_value("Content-Type").find("application/json") != std::string::npos)
    out.body = json::parse(r->body, nullptr, false);
  return out;
}

class ServerEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { stop(); }
  static ServerInfo& info() {
    static ServerInfo i;
    return i;
  }
  static pid_t& pid() {
    static pid_t p = 0;
    return p;
  }
  static void stop() {
    if (pid() > 0) {
      kill(pid(), SIGTERM);
      int status = 0;
      waitpid(pid(), &status, 0);
      pid() = 0;
      // The temp folder (SQLite file, key, server log) is kept only when a test failed.
      if (::testing::UnitTest::GetInstance()->Passed() && !info().key_file.empty()) {
        std::error_code ec;
        fs::remove_all(fs::path(info().key_file).parent_path(), ec);
      }
    }
  }
};

}  // namespace

int run_stegvis(const std::vector<std::string>& args, std::string* out, const std::string& stdin_text) {
  std::string cmd = STEGVIS_BINARY;
  for (const auto& a : args) cmd += " '" + a + "'";
  cmd += " 2>&1";
  if (!stdin_text.empty()) cmd = "printf '%s\\n' '" + stdin_text + "' | " + cmd;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  std::array<char, 4096> buf{};
  std::string text;
  while (fgets(buf.data(), buf.size(), p)) text += buf.data();
  int status = pclose(p);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const ServerInfo& server() {
  ServerInfo& i = ServerEnvironment::info();
  if (i.port) return i;
  ::testing::AddGlobalTestEnvironment(new ServerEnvironment);
  std::atexit([] { ServerEnvironment::stop(); });
  i.binary = STEGVIS_BINARY;
  auto dir = fs::temp_directory_path() / ("stegvis_api_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const char* pg = std::getenv("STEGVIS_API_DB");
  i.db_url = pg && *pg ? pg : "sqlite:" + (dir / "api.db").string();
  i.key_file = (dir / "stegvis.key").string();
  std::string out;
  if (run_stegvis({"demo", "--db", i.db_url, "--key-file", i.key_file}, &out) != 0) throw std::runtime_error("stegvis demo failed: " + out);
  i.port = free_port();
  pid_t pid = fork();
  if (pid == 0) {
    std::string port = std::to_string(i.port), log = (dir / "server.log").string();
    freopen(log.c_str(), "w", stderr);
    freopen(log.c_str(), "a", stdout);
    execl(STEGVIS_BINARY, STEGVIS_BINARY, "serve", "--db", i.db_url.c_str(), "--port", port.c_str(), "--key-file",
          // The daily retention job would purge the old enrolments that tests create on purpose
          // when a slow (sanitized) run passes its first minute; the retention test runs purge itself.
          i.key_file.c_str(), "--threads", "8", "--read-timeout", "2", "--retention-years", "100",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  ServerEnvironment::pid() = pid;
  httplib::Client c("127.0.0.1", i.port);
  for (int k = 0; k < 200; ++k) {
    if (auto r = c.Get("/api/v1/health"); r && r->status == 200) return i;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("the server did not start; see " + (dir / "server.log").string());
}

ApiClient::ApiClient(int port) : port_(port) {}

httplib::Headers ApiClient::auth_headers(bool with_csrf) const {
  httplib::Headers h;
  if (!cookie.empty()) h.emplace("Cookie", cookie);
  if (!bearer.empty()) h.emplace("Authorization", "Bearer " + bearer);
  if (with_csrf && !csrf.empty()) h.emplace("X-CSRF-Token", csrf);
  return h;
}

Reply ApiClient::login(const std::string& username, const std::string& password) {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(30, 0);  // a loaded CI machine must not turn a slow answer into status 0
  auto r = c.Post("/api/v1/session", json{{"username", username}, {"password", password}}.dump(), "application/json");
  Reply out = to_reply(r);
  if (out.status == 200) {
    std::string set = out.header("Set-Cookie");
    cookie = set.substr(0, set.find(';'));
    csrf = out.body.value("csrf_token", "");
  }
  return out;
}

Reply ApiClient::get(const std::string& path) {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(30, 0);  // a loaded CI machine must not turn a slow answer into status 0
  return to_reply(c.Get(path, auth_headers(false)));
}

Reply ApiClient::post(const std::string& path, const json& body) {
  return raw("POST", path, body.dump(), "application/json", auth_headers(true));
}

Reply ApiClient::put(const std::string& path, const json& body) {
  return raw("PUT", path, body.dump(), "application/json", auth_headers(true));
}

Reply ApiClient::del(const std::string& path) { return raw("DELETE", path, "", "application/json", auth_headers(true)); }

Reply ApiClient::raw(const std::string& method, const std::string& path, const std::string& body,
                     const std::string& content_type, httplib::Headers headers) {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(30, 0);  // a loaded CI machine must not turn a slow answer into status 0
  if (method == "POST") return to_reply(c.Post(path, headers, body, content_type));
  if (method == "PUT") return to_reply(c.Put(path, headers, body, content_type));
  if (method == "DELETE") return to_reply(c.Delete(path, headers, body, content_type));
  if (method == "GET") return to_reply(c.Get(path, headers));
  // Any other method (PATCH, OPTIONS, ...) as a hand-made request.
  httplib::Request req;
  req.method = method;
  req.path = path;
  req.headers = headers;
  req.body = body;
  if (!body.empty()) req.set_header("Content-Type", content_type);
  return to_reply(c.send(req));
}

::testing::AssertionResult is_error(const Reply& r, int status, const std::string& code, const std::string& field) {
  auto fail = [&](const std::string& why) {
    return ::testing::AssertionFailure() << why << "; got " << r.status << " " << r.text.substr(0, 300);
  };
  if (r.status != status) return fail("status is not " + std::to_string(status));
  if (r.header("Content-Type").find("application/json") == std::string::npos) return fail("not JSON");
  if (!r.body.is_object() || !r.body.contains("error") || !r.body["error"].is_object()) return fail("no error object");
  const auto& e = r.body["error"];
  if (e.value("code", "") != code) return fail("error.code is not " + code);
  if (!e.contains("message") || !e["message"].is_string() || e["message"].get<std::string>().empty())
    return fail("error.message missing");
  if (!field.empty() && e.value("field", "") != field) return fail("error.field is not " + field);
  return ::testing::AssertionSuccess();
}

bool server_alive() {
  ApiClient c(server().port);
  auto r = c.get("/api/v1/health");
  return r.status == 200 && r.body.is_object() && r.body.value("status", "") == "ok";
}

std::string unique_name(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(++counter);
}

ApiClient logged_in(const std::string& username, const std::string& password) {
  ApiClient c(server().port);
  auto r = c.login(username, password);
  EXPECT_EQ(r.status, 200) << "login as " << username << ": " << r.text;
  return c;
}

namespace {
std::int64_t id_by_name(const json& items, const std::string& name) {
  if (!items.is_array()) return 0;
  for (const auto& x : items)
    if (x.value("name", "") == name) return x.value("id", std::int64_t{0});
  return 0;
}
}  // namespace

std::int64_t demo_programme_id(ApiClient& admin) {
  return id_by_name(admin.get("/api/v1/programmes").body["items"], "Sikta mot arbetslivet");
}

std::int64_t demo_unit_id(ApiClient& admin, const std::string& unit_name) {
  auto pid = demo_programme_id(admin);
  if (!pid) return 0;
  return id_by_name(admin.get("/api/v1/programmes/" + std::to_string(pid)).body["units"], unit_name);
}

std::int64_t municipality_id(ApiClient& admin, const std::string& name) {
  return id_by_name(admin.get("/api/v1/municipalities").body["items"], name);
}

std::int64_t party_id(ApiClient& admin, const std::string& name) {
  return id_by_name(admin.get("/api/v1/parties").body["items"], name);
}

json staff_by_username(ApiClient& admin, const std::string& username) {
  auto r = admin.get("/api/v1/staff");
  if (!r.body.contains("items")) return nullptr;
  for (const auto& s : r.body["items"])
    if (s.value("username", "") == username) return s;
  return nullptr;
}

std::int64_t create_staff(ApiClient& admin, const std::string& username, const std::string& password,
                          const json& roles) {
  auto r = admin.post("/api/v1/staff", {{"username", username},
                                        {"password", password},
                                        {"name", "Test " + username},
                                        {"email", username + "@test.invalid"},
                                        {"roles", roles}});
  EXPECT_EQ(r.status, 201) << r.text;
  return r.status == 201 ? r.body.value("id", std::int64_t{0}) : 0;
}

json audit_entries(ApiClient& admin, const std::string& query) {
  auto r = admin.get("/api/v1/audit?" + query);
  EXPECT_EQ(r.status, 200) << r.text;
  return r.body.contains("items") ? r.body["items"] : json::array();
}

void age_session(const std::string& cookie, int minutes) {
  crypto::init();
  const std::string token = cookie.substr(cookie.find('=') + 1);
  auto db = store::open_database(server().db_url, 1);
  auto tx = db->begin(true);
  auto row = tx->sessions().find(crypto::hash_hex(token));
  ASSERT_TRUE(row.has_value()) << "no such session in the database";
  tx->sessions().touch(row->id_hash, row->last_seen_at - minutes * 60LL);
  tx->commit();
}

}  // namespace stegvis::test
