// Routes registered in one place (api_routes.cpp, page_routes.cpp) and
// matched here: "/api/v1/programmes/{id}" binds params["id"].
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "http/request.hpp"

namespace stegvis::http {

using Handler = std::function<Response(Request&)>;

// What a route needs before its handler runs.
enum class Auth {
  none,     // public (health, login, static files)
  session,  // a logged-in user or a bearer token; CSRF checked on state-changing cookie calls
  optional,  // GET only: the user when logged in, else a visitor (the handler decides, e.g. a public catalogue)
};

struct Route {
  std::string method;
  std::vector<std::string> segments;
  Auth auth = Auth::session;
  bool is_api = true;
  Handler handler;
};

class Router {
 public:
  void add(const std::string& method, const std::string& pattern, Auth auth, bool is_api, Handler h);
  // The route for method and path with params filled in, or nullptr. *path_known
  // tells whether another method would have matched (405 instead of 404).
  const Route* match(const std::string& method, const std::string& path, std::map<std::string, std::string>& params,
                     bool* path_known) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(const std::string& path);

}  // namespace stegvis::http
