// The HTTP server: the one place that knows cpp-httplib. It turns library
// requests into our Request, hands them to the Dispatcher and sends the Response.
#pragma once
#include <atomic>
#include <functional>
#include <string>

namespace stegvis::http {

class Dispatcher;

struct ServerConfig {
  std::string bind = "127.0.0.1";
  int port = 8080;
  int threads = 32;
  std::size_t max_body_bytes = 1 << 20;  // 1 MiB; larger bodies get 413
  int read_timeout_s = 10;     // silence on a connection for this long drops it
  int request_timeout_s = 30;  // a request must arrive whole within this long of its first byte
  int write_timeout_s = 10;
  int keep_alive_max = 100;
};

// Serves until stop is set (checked by the caller's signal thread via stop_server()).
// Returns false with a message when the address cannot be bound.
bool serve(const ServerConfig& config, Dispatcher& dispatcher, const std::function<void()>& on_listening,
           std::string* error);
// Asks a running serve() to finish in-flight requests and return.
void stop_server();

}  // namespace stegvis::http
