// Static files from web/static (stylesheet, htmx, icons), read once and cached.
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
      std::ifstream in(std::filesystem::path(web_dir) / "static" / name, std::ios::binary);
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
