// Static files, read once and cached: our own from web/static (stylesheet,
// scripts, icons), and the third-party browser libraries (htmx, Chart.js)
// straight from the npm packages that install-deps.sh puts in node_modules
// beside web/, so no copy of someone else's minified code lives in our tree.
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "http/page_routes.hpp"

namespace stegvis::http {
namespace {

const std::map<std::string, std::string> kTypes{{".css", "text/css; charset=utf-8"},
                                                 {".js", "text/javascript; charset=utf-8"},
                                                 {".svg", "image/svg+xml"},
                                                 {".png", "image/png"},
                                                 {".ico", "image/x-icon"},
                                                 {".woff2", "font/woff2"}};

// The URL name of each third-party file and where its package keeps it.
const std::map<std::string, std::string> kVendored{{"htmx.min.js", "htmx.org/dist/htmx.min.js"},
                                                    {"chart.umd.min.js", "chart.js/dist/chart.umd.min.js"}};

std::filesystem::path file_of(const std::string& web_dir, const std::string& name) {
  std::filesystem::path web = std::filesystem::path(web_dir).lexically_normal();
  if (!web.has_filename()) web = web.parent_path();  // "web/" names the same directory as "web"
  if (auto v = kVendored.find(name); v != kVendored.end())
    return web.parent_path().empty() ? std::filesystem::path("node_modules") / v->second
                                     : web.parent_path() / "node_modules" / v->second;
  return web / "static" / name;
}

}  // namespace

void add_static_routes(Router& router, const std::string& web_dir) {
  auto cache = std::make_shared<std::map<std::string, std::string>>();
  auto mutex = std::make_shared<std::mutex>();
  router.add("GET", "/static/{file}", Auth::none, false, [web_dir, cache, mutex](Request& req) {
    const std::string name = req.params["file"];
    auto dot = name.rfind('.');
    // A plain file name (no '/', '\\', NUL or '%' can survive this), no hidden files, a known type.
    if (name.empty() || name[0] == '.' || name.find("..") != std::string::npos || dot == std::string::npos ||
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") !=
            std::string::npos ||
        !kTypes.count(name.substr(dot)))
      return Response::text("Filen finns inte.", 404);
    std::lock_guard<std::mutex> lock(*mutex);
    auto it = cache->find(name);
    if (it == cache->end()) {
      std::ifstream in(file_of(web_dir, name), std::ios::binary);
      if (!in) return Response::text("Filen finns inte.", 404);
      std::stringstream ss;
      ss << in.rdbuf();
      it = cache->emplace(name, ss.str()).first;
    }
    Response res{200, kTypes.at(name.substr(dot)), it->second, {{"Cache-Control", "public, max-age=3600"}}};
    return res;
  });
}

}  // namespace stegvis::http
