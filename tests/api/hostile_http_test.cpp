// Hostile bytes below the routes: path traversal, header injection, oversize
// and malformed requests, and clients that send a request slowly or never
// finish it. Sent over raw sockets, since an HTTP client library would not
// send most of them. After each the server still serves everyone else.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <thread>

#include "api/hostile_support.hpp"

using namespace stegvis::test;

namespace {

bool leaks_a_file(const RawReply& r) {
  for (const char* sign : {"root:x:", "cmake_minimum_required", "#include", "{{#", "CREATE TABLE", "[Unit]"})
    if (r.body.find(sign) != std::string::npos) return true;
  return false;
}

// Sends a request one byte every interval_ms; returns the seconds until the server
// closed the connection (or max_s if it never did).
double drip_until_dropped(const std::string& request, int interval_ms, double max_s) {
  using clock = std::chrono::steady_clock;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(server().port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  const auto start = clock::now();
  double elapsed = 0;
  for (std::size_t i = 0; (elapsed = std::chrono::duration<double>(clock::now() - start).count()) < max_s; ++i) {
    if (send(fd, &request[i % request.size()], 1, MSG_NOSIGNAL) != 1) break;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, interval_ms) > 0) {
      char buf[512];
      if (recv(fd, buf, sizeof buf, 0) <= 0) break;  // closed by the server
    }
  }
  close(fd);
  return elapsed;
}

}  // namespace

TEST(HostileHttp, PathTraversalNeverLeavesTheStaticFolder) {
  ApiClient admin = logged_in("admin");
  ASSERT_EQ(send_raw("GET", "/static/style.css").status, 200) << "the control request";
  // htmx and Chart.js come from their npm packages, not from copies in web/static; nothing else does.
  for (const char* vendored : {"/static/htmx.min.js", "/static/chart.umd.min.js"}) {
    auto r = send_raw("GET", vendored);
    EXPECT_EQ(r.status, 200) << vendored;
    EXPECT_GT(r.body.size(), 10000u) << vendored;
  }
  EXPECT_EQ(send_raw("GET", "/static/htmx.js").status, 404);  // only the named files, no other package path
  for (const std::string target :
       {"/static/../CMakeLists.txt", "/static/..%2FCMakeLists.txt", "/static/..%2f..%2fsrc%2fhttp%2fserver.cpp",
        "/static/%2e%2e%2fCMakeLists.txt", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/....//....//etc/passwd",
        "/static/..\\..\\CMakeLists.txt", "/static/%252e%252e%252fCMakeLists.txt", "/static/style.css%00.js",
        "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/.gitignore", "/static/../templates/login.mustache",
        "/static/..%c0%afCMakeLists.txt", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
        "/static/../../src/store/migrations/sqlite/001_foundation.sql", "/api/v1/../../CMakeLists.txt",
        "/static/%00", "/static/..", "/static/."}) {
    for (bool logged_in_too : {false, true}) {
      auto r = send_raw("GET", target, logged_in_too ? std::vector<std::pair<std::string, std::string>>{{"Cookie", admin.cookie}}
                                                     : std::vector<std::pair<std::string, std::string>>{});
      EXPECT_TRUE(r.status >= 300 && r.status < 500) << target << " -> " << r.status;
      EXPECT_FALSE(leaks_a_file(r)) << target << " served a file from outside web/static";
    }
  }
  EXPECT_TRUE(server_alive());
}

TEST(HostileHttp, HeaderInjectionThroughRedirectsAndHeadersIsImpossible) {
  // Values that end up in a Location header or a page: CR/LF must never split a header.
  for (const std::string target :
       {"/lang/en?next=/%0d%0aSet-Cookie:%20evil=1", "/lang/en?next=%0d%0aLocation:%20https://evil.example",
        "/lang/sv?next=//evil.example/", "/lang/sv?next=https://evil.example", "/lang/sv?next=/\\evil.example",
        "/login?next=/%0d%0aSet-Cookie:%20evil=1", "/enrolments/1%0d%0aSet-Cookie:%20evil=1",
        "/programmes/1?x=%0d%0aSet-Cookie:%20evil=1"}) {
    auto r = send_raw("GET", target);
    EXPECT_TRUE(r.status > 0 && r.status < 500) << target;
    EXPECT_FALSE(r.has_header_line("Set-Cookie: evil")) << target;
    EXPECT_EQ(r.head.find("evil.example"), std::string::npos) << target << " redirects off-site: " << r.head;
    const std::string location = r.header("Location");
    EXPECT_EQ(location.find_first_of("\r\n"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("Set-Cookie: evil"), std::string::npos) << target;
  }
  // Raw CR, LF and NUL inside header values and names the client sends.
  ApiClient admin = logged_in("admin");
  const std::vector<std::string> headers{
      "X-CSRF-Token: a\rSet-Cookie: evil=1", "Idempotency-Key: k\r\n\r\nGET /api/v1/health HTTP/1.1",
      "Cookie: stegvis_session=" + admin.cookie.substr(16) + "\rX: y", std::string("X-Nul: a\0b", 11),
      "Bad Header Name: x", "Cookie: stegvis_session=\"; Path=/; evil",
      "Content-Type: application/json\r\nContent-Type: text/html"};
  for (const std::string& header : headers) {
    std::string request = "GET /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + header +
                          "\r\n\r\n";
    std::string answer = raw_exchange(request, 10000);
    int status = raw_status(answer);
    EXPECT_TRUE(status == 0 || (status >= 200 && status < 500)) << header << " -> " << status;
    EXPECT_EQ(answer.find("\r\nSet-Cookie: evil"), std::string::npos) << header;
  }
  EXPECT_TRUE(server_alive());
}

TEST(HostileHttp, OversizeAndMalformedRequestsAreRefused) {
  struct Case {
    std::string name, bytes;
  };
  const std::string big(200 * 1024, 'a');
  std::string many_headers;
  for (int i = 0; i < 5000; ++i) many_headers += "X-H" + std::to_string(i) + ": v\r\n";
  const std::vector<Case> cases{
      {"huge header", "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n"},
      {"huge cookie", "GET /api/v1/session HTTP/1.1\r\nHost: x\r\nCookie: stegvis_session=" + big + "\r\n\r\n"},
      {"many headers", "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n" + many_headers + "\r\n"},
      {"huge path", "GET /api/v1/" + big + " HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"huge query", "GET /api/v1/health?x=" + big + " HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"declared 2 GiB body", "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              "Content-Length: 2147483648\r\n\r\n{}"},
      {"negative length", "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}"},
      {"length and chunked", "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/v1/health HTTP/1.1\r\n\r\n"},
      {"huge chunk", "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "ffffffffffffffff\r\nabc\r\n0\r\n\r\n"},
      {"oversize chunked", "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                           "200000\r\n" + std::string(0x200000, '{') + "\r\n0\r\n\r\n"},
      {"bad request line", "GET\r\n\r\n"},
      {"binary garbage", std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11)},
      {"HTTP/0.9", "GET /api/v1/health\r\n\r\n"},
      {"unknown method", "BREW /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"NUL in path", std::string("GET /api/v1/he\0alth HTTP/1.1\r\nHost: x\r\n\r\n", 40)},
  };
  for (const auto& c : cases) {
    std::string answer = raw_exchange(c.bytes, 10000);
    const int status = raw_status(answer);
    // Refused with a 4xx, or the connection closed without an answer; never a crash or a 2xx for the oversize ones.
    EXPECT_TRUE(status == 0 || (status >= 400 && status < 500) || c.name == "HTTP/0.9" || c.name == "length and chunked")
        << c.name << " -> " << answer.substr(0, 200);
    if (c.name.rfind("huge", 0) == 0 || c.name.rfind("oversize", 0) == 0 || c.name.rfind("declared", 0) == 0) {
      EXPECT_FALSE(status >= 200 && status < 300) << c.name;
    }
    ASSERT_TRUE(server_alive()) << "after " << c.name;
  }
}

TEST(HostileHttp, SlowDripClientsAreDroppedWhileOthersAreServed) {
  // Clients that send part of a request and then stall (the server runs with --read-timeout 2).
  using clock = std::chrono::steady_clock;
  std::vector<std::future<std::pair<int, double>>> slow;
  for (const std::string partial : {"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n", "POST /api/v1/session HTTP/1.1\r\n"
                                    "Host: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user",
                                    "GE", "GET /api/v1/health HTTP/1.1\r\nX-Drip: aaaa"}) {
    slow.push_back(std::async(std::launch::async, [partial] {
      auto start = clock::now();
      std::string answer = raw_exchange(partial, 20000);
      return std::pair{raw_status(answer), std::chrono::duration<double>(clock::now() - start).count()};
    }));
  }
  // Meanwhile everyone else is served at once.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (int i = 0; i < 5; ++i) {
    auto start = clock::now();
    EXPECT_TRUE(server_alive());
    EXPECT_LT(std::chrono::duration<double>(clock::now() - start).count(), 1.5) << "a normal client waited";
  }
  for (auto& f : slow) {
    auto [status, seconds] = f.get();
    // Dropped (closed, or answered 400/408) by the read timeout, well before the client's own 20 s.
    EXPECT_TRUE(status == 0 || status == 400 || status == 408) << status;
    EXPECT_LT(seconds, 10.0) << "the stalled request was not dropped by the read timeout";
  }
  EXPECT_TRUE(server_alive());
}

TEST(HostileHttp, ADripFasterThanTheReadTimeoutIsCutOffByTheRequestDeadline) {
  // One byte every 0.5 s never trips a 2 s read timeout; the whole request must
  // still arrive within 3 x 2 s of its first byte.
  std::vector<std::future<double>> drips;
  for (const std::string& request : {std::string("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Drip: ") + std::string(200, 'a'),
                                    std::string("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 999\r\n\r\n") +
                                        std::string(999, '{')})
    for (int i = 0; i < 3; ++i)
      drips.push_back(std::async(std::launch::async, [request] { return drip_until_dropped(request, 500, 20.0); }));
  std::this_thread::sleep_for(std::chrono::seconds(1));
  EXPECT_TRUE(server_alive()) << "others are served while the drips go on";
  for (auto& d : drips) {
    double seconds = d.get();
    EXPECT_GT(seconds, 3.0) << "dropped before the read timeout could have";
    EXPECT_LT(seconds, 12.0) << "a dripping request held its connection past the request deadline";
  }
  EXPECT_TRUE(server_alive());
}
