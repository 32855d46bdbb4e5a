// A second stegvis server of a test's own, on the shared test database, that the
// test may kill (SIGKILL, SIGTERM) and restart without disturbing the shared one.
#pragma once
#include <sys/types.h>

#include <string>

namespace stegvis::test {

class ServerProcess {
 public:
  ServerProcess() = default;
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess();  // SIGKILL if still running

  // Starts `stegvis serve` on db_url with the shared key file on a free port (a new one each time);
  // returns when /api/v1/health answers, false if it did not within 20 s.
  bool start(const std::string& db_url, int threads = 4);
  // Sends the signal; with wait, reaps the process and returns its wait status (else -1).
  int signal(int sig, bool wait = true);
  // Waits for the process to end; returns the wait status, or -1 after timeout_ms.
  int wait(int timeout_ms);
  bool running() const { return pid_ > 0; }
  int port() const { return port_; }
  const std::string& log_path() const { return log_; }
  std::string log() const;

 private:
  pid_t pid_ = 0;
  int port_ = 0;
  std::string log_;
};

// A free TCP port on the loopback address.
int free_loopback_port();

}  // namespace stegvis::test
