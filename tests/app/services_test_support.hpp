// A Services over a fresh SQLite database with a clock the test controls.
#pragma once
#include <memory>

#include "app/services.hpp"
#include "crypto/crypto.hpp"
#include "support/test_db.hpp"

namespace stegvis::test {

struct AppFixture {
  AppFixture() {
    crypto::use_minimal_password_cost_for_tests();
    t->db->set_field_key(std::string(32, 'k'));
  }
  std::unique_ptr<TestDb> t = fresh_sqlite();
  std::int64_t clock = 1'750'000'000;
  std::unique_ptr<app::Services> services = std::make_unique<app::Services>(app::Env{*t->db, [this] { return clock; }, {}});
  app::Actor admin = app::system_actor("test");
  app::Env& env() { return services->env; }
};

}  // namespace stegvis::test
