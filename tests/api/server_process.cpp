#include "api/server_process.hpp"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "api/server_fixture.hpp"

namespace stegvis::test {
namespace fs = std::filesystem;

int free_loopback_port() {
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

ServerProcess::~ServerProcess() {
  if (pid_ > 0) signal(SIGKILL, true);
}

bool ServerProcess::start(const std::string& db_url, int threads) {
  const ServerInfo& shared = server();
  port_ = free_loopback_port();
  log_ = (fs::path(shared.key_file).parent_path() / ("server-" + std::to_string(port_) + ".log")).string();
  std::fflush(nullptr);  // else the child's freopen flushes the parent's buffered output a second time
  pid_t pid = fork();
  if (pid == 0) {
    std::string port = std::to_string(port_), t = std::to_string(threads);
    freopen(log_.c_str(), "w", stderr);
    freopen(log_.c_str(), "a", stdout);
    execl(STEGVIS_BINARY, STEGVIS_BINARY, "serve", "--db", db_url.c_str(), "--port", port.c_str(), "--key-file",
          shared.key_file.c_str(), "--threads", t.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  pid_ = pid;
  httplib::Client c("127.0.0.1", port_);
  for (int k = 0; k < 400; ++k) {
    if (auto r = c.Get("/api/v1/health"); r && r->status == 200) return true;
    if (wait(0) != -1) return false;  // it exited
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

int ServerProcess::signal(int sig, bool wait_for_it) {
  if (pid_ <= 0) return -1;
  kill(pid_, sig);
  if (!wait_for_it) return -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = 0;
  return status;
}

int ServerProcess::wait(int timeout_ms) {
  if (pid_ <= 0) return -1;
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = 0;
      return status;
    }
    if (std::chrono::steady_clock::now() >= until) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::string ServerProcess::log() const {
  std::ifstream in(log_);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace stegvis::test
