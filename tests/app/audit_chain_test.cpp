#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "app/audit.hpp"
#include "app/services_test_support.hpp"

using namespace stegvis;

namespace {
// The test database, counting the write transactions begun on it.
class CountingDb : public store::Database {
 public:
  explicit CountingDb(store::Database& db) : db_(db) {}
  std::string backend() const override { return db_.backend(); }
  std::unique_ptr<store::Store> begin(bool write) override {
    if (write) ++writes;
    return db_.begin(write);
  }
  int migrate() override { return db_.migrate(); }
  int schema_version() override { return db_.schema_version(); }
  bool is_empty() override { return db_.is_empty(); }
  void set_field_key(const std::string& key32) override { db_.set_field_key(key32); }
  std::atomic<int> writes{0};

 private:
  store::Database& db_;
};

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

// Reads audited from many threads at once share commits (app/audit_batch.hpp), while use cases
// append inside their own write transactions beside them: every entry is stored once, in one
// unbroken chain, and the batches took fewer write transactions than there were entries.
TEST(AuditChain, ConcurrentAppendsShareCommitsAndKeepOneChain) {
  test::AppFixture f;
  CountingDb counting(*f.t->db);
  app::Env env{counting, [] { return std::int64_t{1'750'000'000}; }, {}};
  constexpr int kThreads = 12, kEach = 30, kWriters = 2, kWrites = 10;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i)
        app::record_standalone(env, f.admin, "enrolment.read", "enrolment", std::to_string(t * 1000 + i));
    });
  for (int w = 0; w < kWriters; ++w)
    threads.emplace_back([&, w] {
      for (int i = 0; i < kWrites; ++i) {
        auto tx = counting.begin(true);
        app::record(*tx, 1'750'000'000, f.admin, "contact.add", "enrolment", "w" + std::to_string(w * 1000 + i));
        tx->commit();
      }
    });
  for (auto& t : threads) t.join();

  auto check = app::verify_audit_chain(*f.t->db);
  EXPECT_TRUE(check.ok) << check.problem;
  EXPECT_EQ(check.entries, kThreads * kEach + kWriters * kWrites);
  std::set<std::string> ids;
  auto tx = f.t->db->begin(false);
  tx->audit().scan([&](const store::AuditEntry& e) { ids.insert(e.record_id); return true; });
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kThreads * kEach + kWriters * kWrites));  // none twice
  EXPECT_LT(counting.writes.load(), kThreads * kEach + kWriters * kWrites);
}
