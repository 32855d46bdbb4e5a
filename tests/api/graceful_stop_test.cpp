// Graceful stop (issue #5, item 8): SIGTERM lets a request already in flight
// finish (its write is stored and answered), refuses new connections, and the
// server exits with status 0 after closing the database.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "api/participant_support.hpp"
#include "api/server_process.hpp"

using namespace stegvis::test;

namespace {

int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

void send_all(int fd, const std::string& s) {
  std::size_t sent = 0;
  while (sent < s.size()) {
    auto n = ::send(fd, s.data() + sent, s.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

std::string read_all(int fd) {
  timeval tv{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string out;
  char buf[4096];
  for (;;) {
    auto n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace

TEST(GracefulStop, SigtermFinishesTheRequestInFlightThenExitsCleanly) {
  ApiClient shared = logged_in("samordnare.vastra");
  auto id = create_enrolment(shared, programme_id());
  ASSERT_NE(id, 0);

  ServerProcess proc;
  ASSERT_TRUE(proc.start(server().db_url)) << proc.log();
  ApiClient c(proc.port());
  ASSERT_EQ(c.login("samordnare.vastra").status, 200);

  // A contact whose body is still on its way when the signal comes.
  const std::string note = unique_name("skickad under stopp");
  const std::string body = json{{"date", day()}, {"kind", "meeting"}, {"minutes", 20}, {"note", note}}.dump();
  const std::string head = "POST /api/v1/enrolments/" + std::to_string(id) + "/contacts HTTP/1.1\r\n"
                           "Host: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n"
                           "Cookie: " + c.cookie + "\r\nX-CSRF-Token: " + c.csrf + "\r\n"
                           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  int fd = connect_to(proc.port());
  ASSERT_GE(fd, 0);
  send_all(fd, head + body.substr(0, body.size() / 2));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  proc.signal(SIGTERM, false);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(proc.wait(0), -1) << "the server must wait for the request in flight";
  EXPECT_LT(connect_to(proc.port()), 0) << "no new connections once stopping";
  send_all(fd, body.substr(body.size() / 2));
  std::string reply = read_all(fd);
  close(fd);
  EXPECT_EQ(reply.rfind("HTTP/1.1 201", 0), 0u) << reply;

  int status = proc.wait(15000);
  ASSERT_NE(status, -1) << "the server did not exit after SIGTERM";
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_NE(proc.log().find("the database is closed"), std::string::npos) << proc.log();

  // The write that was answered is stored.
  auto view = shared.get("/api/v1/enrolments/" + std::to_string(id));
  int found = 0;
  for (const auto& x : view.body["contacts"]) found += x.value("note", "") == note;
  EXPECT_EQ(found, 1) << view.text;
}
