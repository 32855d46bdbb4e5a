#include "app/organisation_cache.hpp"

namespace stegvis::app {

bool OrganisationCache::fresh(Clock::time_point loaded, std::uint64_t generation) const {
  return generation == generation_ && Clock::now() - loaded < kMaxAge;
}

std::vector<Party> OrganisationCache::parties(const std::function<std::vector<Party>()>& load) {
  std::uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (parties_ && fresh(parties_->loaded, parties_->generation)) return parties_->value;
    generation = generation_;
  }
  auto loaded_at = Clock::now();
  auto value = load();
  std::lock_guard<std::mutex> lock(mutex_);
  if (generation == generation_) parties_ = Entry<std::vector<Party>>{value, loaded_at, generation};
  return value;
}

std::optional<Programme> OrganisationCache::programme(Id id, const std::function<std::optional<Programme>()>& load) {
  std::uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = programmes_.find(id);
    if (it != programmes_.end() && fresh(it->second.loaded, it->second.generation)) return it->second.value;
    generation = generation_;
  }
  auto loaded_at = Clock::now();
  auto value = load();
  std::lock_guard<std::mutex> lock(mutex_);
  // Unknown ids are not kept: the cache holds at most the installation's programmes.
  if (value && generation == generation_) programmes_[id] = Entry<Programme>{*value, loaded_at, generation};
  return value;
}

void OrganisationCache::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++generation_;
  parties_.reset();
  programmes_.clear();
}

}  // namespace stegvis::app
