// The fuzz table request_decoders() holds every JSON body decoder the API uses,
// the ratings' included, and they name the field at fault.
#include <gtest/gtest.h>

#include <map>

#include "http/request_decoders.hpp"

using namespace stegvis;

TEST(RequestDecoders, RatingBodiesAreInTheFuzzTableAndNameTheField) {
  std::map<std::string, const http::NamedDecoder*> by_name;
  for (const auto& d : http::request_decoders()) by_name[d.name] = &d;
  ASSERT_TRUE(by_name.count("rating"));
  ASSERT_TRUE(by_name.count("goal_ratings"));
  const http::Lookups none{};
  auto three_items = http::json::parse(R"({"scale":"ORS","items":[1,2,3]})");
  auto e = by_name["rating"]->decode(three_items, none);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "items");
  EXPECT_FALSE(by_name["rating"]->decode(http::json::parse(R"({"scale":"SRS","items":[1,2.5,"3,5",10]})"), none));
  auto e2 = by_name["goal_ratings"]->decode(http::json::parse(R"({"phase":"start","ratings":{"work":"4"}})"), none);
  ASSERT_TRUE(e2);
  EXPECT_EQ(e2->field, "ratings");
}
