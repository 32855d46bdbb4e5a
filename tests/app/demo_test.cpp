#include <gtest/gtest.h>

#include "app/demo.hpp"
#include "app/services_test_support.hpp"

using namespace stegvis;

TEST(Demo, LoadsSormlandWithThreeUnitsAndNineMunicipalities) {
  test::AppFixture f;
  ASSERT_TRUE(app::load_demo(f.env()));
  auto programmes = f.services->organisation.programmes(f.admin);
  ASSERT_TRUE(programmes);
  ASSERT_EQ(programmes->size(), 1u);
  const auto& p = programmes->front();
  EXPECT_EQ(p.name, "Sikta mot arbetslivet");
  ASSERT_EQ(p.units.size(), 3u);
  std::size_t municipalities = 0;
  for (const auto& u : p.units) {
    municipalities += u.municipalities.size();
    EXPECT_TRUE(u.controller_party_id) << u.name << " names no data controller";
  }
  EXPECT_EQ(municipalities, 9u);
  ASSERT_EQ(p.tracks.size(), 2u);
}

TEST(Demo, StaffsTheFtePerMunicipalityOfTheKasamTable) {
  test::AppFixture f;
  ASSERT_TRUE(app::load_demo(f.env()));
  auto staff = f.services->staff.list(f.admin, std::nullopt);
  ASSERT_TRUE(staff);
  double coach = 0, koordinator = 0;
  for (const auto& s : *staff)
    for (const auto& r : s.roles) {
      if (r.role == Role::coach) coach += r.fte_pct;
      if (r.role == Role::koordinator) koordinator += r.fte_pct;
    }
  EXPECT_DOUBLE_EQ(coach, 900);        // KASAM: coach 900 %
  EXPECT_DOUBLE_EQ(koordinator, 625);  // KASAM: koordinator 625 %
}

TEST(Demo, HasEveryFixedDemoAccount) {
  test::AppFixture f;
  ASSERT_TRUE(app::load_demo(f.env()));
  for (const auto& name : app::demo_usernames())
    EXPECT_TRUE(f.services->auth.login(name, app::kDemoPassword, "127.0.0.1")) << name;
}

TEST(Demo, RefusesANonEmptyDatabase) {
  test::AppFixture f;
  ASSERT_TRUE(app::load_demo(f.env()));
  auto again = app::load_demo(f.env());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
}
