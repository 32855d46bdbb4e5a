#include "http/router.hpp"

namespace stegvis::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void Router::add(const std::string& method, const std::string& pattern, Auth auth, bool is_api, Handler h) {
  routes_.push_back({method, split_path(pattern), auth, is_api, std::move(h)});
}

const Route* Router::match(const std::string& method, const std::string& path,
                           std::map<std::string, std::string>& params, bool* path_known) const {
  auto segments = split_path(path);
  *path_known = false;
  for (const auto& r : routes_) {
    if (r.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> bound;
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      const auto& p = r.segments[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') bound[p.substr(1, p.size() - 2)] = url_decode(segments[i], false);
      else ok = p == segments[i];
    }
    if (!ok) continue;
    *path_known = true;
    if (r.method != method) continue;
    params = std::move(bound);
    return &r;
  }
  return nullptr;
}

}  // namespace stegvis::http
