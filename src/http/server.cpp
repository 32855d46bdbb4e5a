#include "http/server.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>

#include "http/dispatcher.hpp"

namespace stegvis::http {
namespace {
using Clock = std::chrono::steady_clock;

bool wait_for(int sock, short events, int timeout_ms) {
  pollfd p{sock, events, 0};
  int n = 0;
  do n = poll(&p, 1, std::max(timeout_ms, 0));
  while (n < 0 && errno == EINTR);
  return n > 0 && (p.revents & (events | POLLHUP | POLLERR));
}

void address_of(int sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if ((peer ? getpeername : getsockname)(sock, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
  char buf[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
    port = ntohs(a->sin6_port);
  }
  ip = buf;
}

// A connection whose reads end at the request's deadline as well as after
// read_timeout of silence. Reads are buffered: the library reads the request
// line and headers a byte at a time, which unbuffered was a poll() and a recv()
// per byte.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(int sock, int read_timeout_ms, int write_timeout_ms, std::size_t max_request_bytes)
      : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms),
        max_request_bytes_(max_request_bytes) {}
  void start_request(Clock::time_point deadline) {
    deadline_ = deadline;
    read_bytes_ = 0;
  }
  // Bytes of a next (pipelined) request already read from the socket.
  bool has_buffered() const { return buffer_pos_ < buffer_end_; }

  bool is_readable() const override {
    if (has_buffered()) return true;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
    return left > 0 && wait_for(sock_, POLLIN, static_cast<int>(std::min<long long>(left, read_timeout_ms_)));
  }
  bool is_writable() const override { return wait_for(sock_, POLLOUT, write_timeout_ms_); }
  // Ends the request once it passes its byte budget too (endless headers would otherwise fill memory).
  ssize_t read(char* ptr, size_t size) override {
    if (read_bytes_ >= max_request_bytes_) return -1;
    size = std::min(size, max_request_bytes_ - read_bytes_);
    if (!has_buffered()) {
      if (!is_readable()) return -1;
      // Large reads (a body) go straight to the caller; small ones refill the buffer.
      if (size >= sizeof buffer_) return counted(receive(ptr, size));
      ssize_t n = receive(buffer_, sizeof buffer_);
      if (n <= 0) return n;
      buffer_pos_ = 0;
      buffer_end_ = static_cast<std::size_t>(n);
    }
    std::size_t n = std::min(size, buffer_end_ - buffer_pos_);
    std::memcpy(ptr, buffer_ + buffer_pos_, n);
    buffer_pos_ += n;
    return counted(static_cast<ssize_t>(n));
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n = 0;
    do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, false, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  ssize_t receive(char* ptr, std::size_t size) {
    ssize_t n = 0;
    do n = ::recv(sock_, ptr, size, 0);
    while (n < 0 && errno == EINTR);
    return n;
  }
  ssize_t counted(ssize_t n) {
    if (n > 0) read_bytes_ += static_cast<std::size_t>(n);
    return n;
  }

  int sock_;
  int read_timeout_ms_, write_timeout_ms_;
  std::size_t max_request_bytes_, read_bytes_ = 0;
  Clock::time_point deadline_ = Clock::now();
  char buffer_[4096];
  std::size_t buffer_pos_ = 0, buffer_end_ = 0;
};

// Room for the request line and headers on top of the body limit.
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

// The library's thread pool, counting the connections accepted but not yet taken by a worker.
class CountingPool : public httplib::TaskQueue {
 public:
  CountingPool(std::size_t threads, std::atomic<int>& waiting) : pool_(threads), waiting_(waiting) {}
  void enqueue(std::function<void()> fn) override {
    ++waiting_;
    pool_.enqueue([this, fn = std::move(fn)] {
      --waiting_;
      fn();
    });
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  std::atomic<int>& waiting_;
};

// cpp-httplib times out each read on its own, so a client that drips a byte
// a second would hold a worker thread for ever (slowloris). This server runs
// the library's keep-alive loop itself, with one deadline per request: the
// whole request must arrive within request_timeout of its first byte.
class DeadlineServer : public httplib::Server {
 public:
  DeadlineServer(std::chrono::seconds request_timeout, int threads) : request_timeout_(request_timeout) {
    new_task_queue = [this, threads] { return new CountingPool(static_cast<std::size_t>(threads), waiting_); };
  }

  // The library (compiled, so its CPPHTTPLIB_LISTEN_BACKLOG cannot be changed) listens with a
  // backlog of 5: clients reconnecting after their keep-alive budget overflowed it, and each
  // dropped handshake cost a SYN retransmit of a second or more. listen() again widens it.
  void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }

 private:
  bool process_and_close_socket(socket_t sock) override {
    DeadlineStream stream(sock, static_cast<int>(read_timeout_sec_ * 1000 + read_timeout_usec_ / 1000),
                          static_cast<int>(write_timeout_sec_ * 1000 + write_timeout_usec_ / 1000),
                          payload_max_length_ + kMaxHeaderBytes);
    bool ok = false;
    for (std::size_t left = keep_alive_max_count_; left > 0 && (stream.has_buffered() || idle_until_request(sock));
         --left) {
      stream.start_request(Clock::now() + request_timeout_);
      bool closed = false;
      // A worker serves one connection at a time: with more clients than workers a new
      // connection would wait for a kept-alive one to end (up to keep_alive_max requests).
      // While one waits, this answer says "Connection: close" so the client reconnects in line.
      ok = process_request(stream, left == 1 || waiting_.load() > 0, closed, nullptr);
      if (!ok || closed) break;
    }
    shutdown(sock, SHUT_RDWR);
    close(sock);
    return ok;
  }

  // Waits for the next request on a kept-alive connection; false when the
  // client went quiet for keep_alive_timeout or the server is stopping.
  bool idle_until_request(int sock) const {
    const auto until = Clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
    while (svr_sock_ != INVALID_SOCKET && Clock::now() < until)
      if (wait_for(sock, POLLIN, 100)) return true;
    return false;
  }

  std::chrono::seconds request_timeout_;
  std::atomic<int> waiting_{0};
};

std::mutex g_mutex;
httplib::Server* g_server = nullptr;
// No browser or integration sends more; more is an attack on memory.
constexpr std::size_t kMaxHeaders = 100;

Request to_request(const httplib::Request& in) {
  Request r;
  r.method = in.method;
  r.path = in.path;
  for (const auto& [k, v] : in.params) r.query.emplace(k, v);
  for (const auto& [k, v] : in.headers) {
    std::string name = k;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    r.headers.emplace(name, v);
  }
  r.cookies = parse_cookies(r.header("cookie"));
  r.body = in.body;
  r.remote_addr = in.remote_addr;
  // Long forms (plans, notes) are sent as multipart: the library caps url-encoded forms at 8 KiB.
  if (in.is_multipart_form_data()) {
    std::multimap<std::string, std::string> fields;
    for (const auto& [name, part] : in.files) fields.emplace(name, part.content);
    r.set_form(std::move(fields));
  }
  return r;
}

void send(const Response& out, httplib::Response& res) {
  res.status = out.status;
  for (const auto& [k, v] : out.headers) res.set_header(k, v);
  res.set_content(out.body, out.content_type);
}
}  // namespace

bool serve(const ServerConfig& config, Dispatcher& dispatcher, const std::function<void()>& on_listening,
           std::string* error) {
  DeadlineServer server(std::chrono::seconds(std::max(1, config.request_timeout_s)), config.threads);
  server.set_tcp_nodelay(true);  // else ~40 ms per response (Nagle + delayed ACK)
  // httplib's default also sets SO_REUSEPORT, which lets a second server bind the same
  // port silently and share its requests; SO_REUSEADDR alone still allows a quick restart.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
  });
  server.set_keep_alive_max_count(static_cast<std::size_t>(config.keep_alive_max));
  server.set_read_timeout(config.read_timeout_s, 0);
  server.set_write_timeout(config.write_timeout_s, 0);
  server.set_payload_max_length(config.max_body_bytes);

  auto handler = [&dispatcher](const httplib::Request& req, httplib::Response& res) {
    if (req.headers.size() > kMaxHeaders) return send(dispatcher.library_error(431, req.path), res);
    Request r = to_request(req);
    send(dispatcher.handle(r), res);
  };
  for (const char* pattern : {R"(/.*)"}) {
    server.Get(pattern, handler);
    server.Post(pattern, handler);
    server.Put(pattern, handler);
    server.Delete(pattern, handler);
    server.Patch(pattern, handler);
  }
  // Errors the library answers by itself (413, 400 on a bad request line) get our error shape.
  server.set_error_handler([&dispatcher](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    send(dispatcher.library_error(res.status, req.path), res);
  });
  server.set_exception_handler([&dispatcher](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    send(dispatcher.library_error(500, req.path), res);
  });

  if (!server.bind_to_port(config.bind, config.port)) {
    if (error) *error = "cannot listen on " + config.bind + ":" + std::to_string(config.port);
    return false;
  }
  server.widen_backlog();
  {
    std::lock_guard<std::mutex> lock(g_mutex);
    g_server = &server;
  }
  if (on_listening) on_listening();
  server.listen_after_bind();
  std::lock_guard<std::mutex> lock(g_mutex);
  g_server = nullptr;
  return true;
}

void stop_server() {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (g_server) g_server->stop();
}

}  // namespace stegvis::http
