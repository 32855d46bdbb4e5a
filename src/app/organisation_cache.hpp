// The parties and programmes (with tracks and units) as last read, for the pages
// that show them on every participant view: they change a few times a year and
// were loaded anew for every page. This process's writes (OrganisationService)
// empty the cache at once; writes by another process (a second server on the
// same PostgreSQL, a CLI import) are seen within kMaxAge.
#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "domain/organisation.hpp"

namespace stegvis::app {

class OrganisationCache {
 public:
  static constexpr std::chrono::seconds kMaxAge{5};

  std::vector<Party> parties(const std::function<std::vector<Party>()>& load);
  std::optional<Programme> programme(Id id, const std::function<std::optional<Programme>()>& load);
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  template <class T>
  struct Entry {
    T value;
    Clock::time_point loaded;
    std::uint64_t generation;
  };
  bool fresh(Clock::time_point loaded, std::uint64_t generation) const;

  std::mutex mutex_;
  std::uint64_t generation_ = 0;  // bumped by clear(): a load that began before it is not kept
  std::optional<Entry<std::vector<Party>>> parties_;
  std::map<Id, Entry<Programme>> programmes_;
};

}  // namespace stegvis::app
