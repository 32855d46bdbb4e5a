#include <gtest/gtest.h>

#include "app/audit.hpp"
#include "app/services_test_support.hpp"

using namespace stegvis;

namespace {
void write_entries(test::AppFixture& f, int n) {
  for (int i = 0; i < n; ++i)
    app::record_standalone(f.env(), f.admin, "staff.update", "staff", std::to_string(i), "entry " + std::to_string(i));
}
}  // namespace

TEST(AuditChain, AnEmptyLogVerifies) {
  test::AppFixture f;
  auto c = app::verify_audit_chain(*f.t->db);
  EXPECT_TRUE(c.ok);
  EXPECT_EQ(c.entries, 0);
}

TEST(AuditChain, EachEntryPointsAtThePreviousOne) {
  test::AppFixture f;
  write_entries(f, 4);
  auto tx = f.t->db->begin(false);
  std::vector<store::AuditEntry> all;
  tx->audit().scan([&](const store::AuditEntry& e) { all.push_back(e); return true; });
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].prev_hash, std::string(64, '0'));
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_EQ(all[i].prev_hash, all[i - 1].hash);
  EXPECT_EQ(all[2].hash, app::chain_hash(all[2]));
  EXPECT_TRUE(app::verify_audit_chain(*f.t->db).ok);
}

TEST(AuditChain, AnEditedEntryIsDetected) {
  test::AppFixture f;
  write_entries(f, 5);
  // Tampering needs the append-only trigger gone first, as an attacker with file access would do.
  test::exec_sql(f.t->url, "DROP TRIGGER audit_log_no_update");
  test::exec_sql(f.t->url, "UPDATE audit_log SET username = 'someone-else' WHERE id = 3");
  auto c = app::verify_audit_chain(*f.t->db);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.first_bad_id, 3);
  EXPECT_NE(c.problem.find("edited"), std::string::npos);
}

TEST(AuditChain, ARemovedEntryIsDetected) {
  test::AppFixture f;
  write_entries(f, 5);
  test::exec_sql(f.t->url, "DROP TRIGGER audit_log_no_delete");
  test::exec_sql(f.t->url, "DELETE FROM audit_log WHERE id = 2");
  auto c = app::verify_audit_chain(*f.t->db);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.first_bad_id, 3);
}

TEST(AuditChain, HashesDependOnEveryField) {
  store::AuditEntry a;
  a.at = 1;
  a.username = "ab";
  a.action = "c";
  store::AuditEntry b = a;
  b.username = "a";
  b.action = "bc";  // same concatenation, different fields
  EXPECT_NE(app::chain_hash(a), app::chain_hash(b));
}
