#include "http/server.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>

#include "http/dispatcher.hpp"

namespace stegvis::http {
namespace {
std::mutex g_mutex;
httplib::Server* g_server = nullptr;

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
  httplib::Server server;
  const int threads = config.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
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
