// The organisation read cache: served from memory until this process writes
// (clear), and a load that was under way when a write cleared it is not kept.
#include <gtest/gtest.h>

#include "app/organisation_cache.hpp"

namespace stegvis::app {
namespace {

TEST(OrganisationCache, ServesFromMemoryUntilCleared) {
  OrganisationCache cache;
  int loads = 0;
  auto load = [&] {
    ++loads;
    return std::vector<Party>{{1, "Försäkringskassan " + std::to_string(loads), "fk"}};
  };
  EXPECT_EQ(cache.parties(load).front().name, "Försäkringskassan 1");
  EXPECT_EQ(cache.parties(load).front().name, "Försäkringskassan 1");
  EXPECT_EQ(loads, 1);
  cache.clear();
  EXPECT_EQ(cache.parties(load).front().name, "Försäkringskassan 2");
  EXPECT_EQ(loads, 2);
}

TEST(OrganisationCache, KeepsNoLoadThatAWriteOvertook) {
  OrganisationCache cache;
  int loads = 0;
  // The write lands while the first load is reading: what it read may be from before the write.
  auto racing = [&] {
    ++loads;
    cache.clear();
    return std::optional<Programme>(Programme{});
  };
  EXPECT_TRUE(cache.programme(7, racing).has_value());
  EXPECT_TRUE(cache.programme(7, racing).has_value());
  EXPECT_EQ(loads, 2) << "the overtaken load was not kept";
  int misses = 0;
  auto missing = [&] {
    ++misses;
    return std::optional<Programme>();
  };
  EXPECT_FALSE(cache.programme(8, missing).has_value());
  EXPECT_FALSE(cache.programme(8, missing).has_value());
  EXPECT_EQ(misses, 2) << "an unknown id is asked again, not remembered";
}

}  // namespace
}  // namespace stegvis::app
