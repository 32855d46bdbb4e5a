// The storage contract: the same tests for SQLite and PostgreSQL (typed tests),
// so both backends prove the same behaviour.
#include <gtest/gtest.h>

#include "store/migration.hpp"
#include "support/test_db.hpp"

using namespace stegvis;
using namespace stegvis::store;
using stegvis::test::TestDb;

struct Sqlite {
  static std::unique_ptr<TestDb> make() { return test::fresh_sqlite(); }
};
struct Postgres {
  static std::unique_ptr<TestDb> make() { return test::fresh_postgresql(); }
};

struct BackendNames {
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, Sqlite> ? "Sqlite" : "Postgres";
  }
};

template <typename B>
class StoreContract : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = B::make();
    if (!t_) GTEST_SKIP() << "PostgreSQL not configured (STEGVIS_TEST_PG)";
  }
  Database& db() { return *t_->db; }

  // A small organisation: association, two parties, two municipalities, a programme with a track and a unit.
  struct Org {
    Id association, region, kommun, m1, m2, programme, track, unit;
  };
  Org seed() {
    auto tx = db().begin(true);
    auto& o = tx->organisation();
    Org org{};
    org.association = o.save_association({0, "Förbundet Åäö", "222000-0000"});
    org.region = o.save_party({0, "Region Sörmland", "region"});
    org.kommun = o.save_party({0, "Flens kommun", "kommun"});
    org.m1 = o.save_municipality({0, "Flen", org.kommun, 16000, 21});
    org.m2 = o.save_municipality({0, "Vingåker", std::nullopt, 9000, 20.5});
    Programme p;
    p.association_id = org.association;
    p.name = "Sikta";
    p.start_date = "2023-10-01";
    p.end_date = "2028-09-30";
    org.programme = o.save_programme(p);
    org.track = o.save_track({0, org.programme, "unga", "Unga", 18, 29, Role::koordinator});
    Municipality m1;
    m1.id = org.m1;
    org.unit = o.save_unit({0, org.programme, "Västra", org.region, {m1}});
    tx->commit();
    return org;
  }

  std::unique_ptr<TestDb> t_;
};

using Backends = ::testing::Types<Sqlite, Postgres>;
TYPED_TEST_SUITE(StoreContract, Backends, BackendNames);

TYPED_TEST(StoreContract, MigrationsAreRecordedAndIdempotent) {
  int latest = 0;
  for (const auto& m : embedded_migrations())
    if (m.backend == (this->db().backend() == "sqlite" ? "sqlite" : "postgresql")) latest = std::max(latest, m.number);
  EXPECT_GT(latest, 0);
  EXPECT_EQ(this->db().schema_version(), latest);
  EXPECT_EQ(this->db().migrate(), latest);
  EXPECT_TRUE(this->db().is_empty());
}

TYPED_TEST(StoreContract, OrganisationRoundTrips) {
  auto org = this->seed();
  auto tx = this->db().begin(false);
  auto& o = tx->organisation();
  EXPECT_EQ(o.association()->name, "Förbundet Åäö");
  ASSERT_EQ(o.parties().size(), 2u);
  EXPECT_EQ(o.party_by_name("Flens kommun")->kind, "kommun");
  auto m2 = o.municipality(org.m2);
  ASSERT_TRUE(m2);
  EXPECT_EQ(m2->population, 9000);
  EXPECT_DOUBLE_EQ(m2->socioeconomic_index, 20.5);
  EXPECT_FALSE(m2->party_id);
  EXPECT_EQ(o.municipality_by_name("Flen")->party_id, org.kommun);
  auto p = o.programme(org.programme);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->end_date, "2028-09-30");
  ASSERT_EQ(p->tracks.size(), 1u);
  EXPECT_EQ(p->tracks[0].staff_role, Role::koordinator);
  EXPECT_EQ(p->tracks[0].max_age, 29);
  ASSERT_EQ(p->units.size(), 1u);
  EXPECT_EQ(p->units[0].controller_party_id, org.region);
  ASSERT_EQ(p->units[0].municipalities.size(), 1u);
  EXPECT_EQ(p->units[0].municipalities[0].name, "Flen");
  EXPECT_FALSE(o.programme(9999));
  EXPECT_FALSE(tx->organisation().unit(9999));
}

TYPED_TEST(StoreContract, SavingAUnitReplacesItsMunicipalities) {
  auto org = this->seed();
  {
    auto tx = this->db().begin(true);
    Unit u = *tx->organisation().unit(org.unit);
    u.municipalities = {*tx->organisation().municipality(org.m2), *tx->organisation().municipality(org.m1)};
    u.controller_party_id.reset();
    tx->organisation().save_unit(u);
    tx->commit();
  }
  auto tx = this->db().begin(false);
  auto u = tx->organisation().unit(org.unit);
  ASSERT_EQ(u->municipalities.size(), 2u);
  EXPECT_FALSE(u->controller_party_id);
}

TYPED_TEST(StoreContract, AMunicipalityBelongsToOneUnitPerProgramme) {
  auto org = this->seed();
  auto tx = this->db().begin(true);
  Municipality m1;
  m1.id = org.m1;
  EXPECT_ANY_THROW(tx->organisation().save_unit({0, org.programme, "Södra", std::nullopt, {m1}}));
}

TYPED_TEST(StoreContract, UniqueNamesAreEnforcedByTheDatabase) {
  this->seed();
  auto tx = this->db().begin(true);
  EXPECT_ANY_THROW(tx->organisation().save_party({0, "Flens kommun", "kommun"}));
}

TYPED_TEST(StoreContract, UncommittedWorkIsRolledBack) {
  this->seed();
  {
    auto tx = this->db().begin(true);
    tx->organisation().save_party({0, "Försäkringskassan", "fk"});
  }  // no commit
  auto tx = this->db().begin(false);
  EXPECT_FALSE(tx->organisation().party_by_name("Försäkringskassan"));
}

TYPED_TEST(StoreContract, StaffWithRolesRoundTrips) {
  auto org = this->seed();
  Staff s;
  s.username = "coach.flen";
  s.name = "Örjan Ågren 🙂";
  s.email = "o@example.se";
  s.employing_party_id = org.kommun;
  s.roles = {{Role::coach, org.unit, org.m1, 75.5}, {Role::styrgrupp, std::nullopt, std::nullopt, 0}};
  Id id;
  {
    auto tx = this->db().begin(true);
    id = tx->staff().create(s, "hash", 1700000000);
    tx->commit();
  }
  auto tx = this->db().begin(false);
  auto got = tx->staff().get(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name, "Örjan Ågren 🙂");
  EXPECT_EQ(got->employing_party_id, org.kommun);
  ASSERT_EQ(got->roles.size(), 2u);
  EXPECT_EQ(got->roles[0].role, Role::coach);
  EXPECT_EQ(got->roles[0].unit_id, org.unit);
  EXPECT_EQ(got->roles[0].municipality_id, org.m1);
  EXPECT_DOUBLE_EQ(got->roles[0].fte_pct, 75.5);
  EXPECT_FALSE(got->roles[1].unit_id);
  EXPECT_EQ(tx->staff().list(org.unit).size(), 1u);
  EXPECT_EQ(tx->staff().list(org.unit + 1000).size(), 0u);
  EXPECT_EQ(tx->staff().by_username("coach.flen")->id, id);
  auto cred = tx->staff().credentials("coach.flen");
  ASSERT_TRUE(cred);
  EXPECT_EQ(cred->password_hash, "hash");
  EXPECT_FALSE(cred->disabled);
}

TYPED_TEST(StoreContract, StaffUpdateReplacesRolesAndFlagsChange) {
  auto org = this->seed();
  Staff s;
  s.username = "k.one";
  s.name = "K One";
  s.roles = {{Role::koordinator, org.unit, std::nullopt, 100}};
  auto tx = this->db().begin(true);
  s.id = tx->staff().create(s, "h1", 1);
  s.roles = {{Role::samordnare, org.unit, std::nullopt, 50}};
  s.name = "K Uno";
  tx->staff().update(s);
  tx->staff().set_password(s.id, "h2");
  tx->staff().set_disabled(s.id, true);
  tx->commit();
  auto r = this->db().begin(false);
  auto got = r->staff().get(s.id);
  EXPECT_EQ(got->name, "K Uno");
  ASSERT_EQ(got->roles.size(), 1u);
  EXPECT_EQ(got->roles[0].role, Role::samordnare);
  EXPECT_TRUE(got->disabled);
  EXPECT_EQ(r->staff().credentials("k.one")->password_hash, "h2");
}

TYPED_TEST(StoreContract, SessionsLiveInTheDatabase) {
  this->seed();
  Staff s;
  s.username = "sess.user";
  s.name = "S";
  s.roles = {{Role::administrator, std::nullopt, std::nullopt, 0}};
  auto tx = this->db().begin(true);
  Id uid = tx->staff().create(s, "h", 1);
  auto& ss = tx->sessions();
  ss.create({"hash-a", uid, "csrf-a", 100, 100});
  ss.create({"hash-b", uid, "csrf-b", 100, 100});
  ss.touch("hash-a", 500);
  EXPECT_EQ(ss.find("hash-a")->last_seen_at, 500);
  EXPECT_EQ(ss.find("hash-a")->csrf_token, "csrf-a");
  ss.remove_idle(200);
  EXPECT_TRUE(ss.find("hash-a"));
  EXPECT_FALSE(ss.find("hash-b"));
  ss.remove_for_user(uid);
  EXPECT_FALSE(ss.find("hash-a"));

  ss.record_failure("user:x", 10);
  ss.record_failure("user:x", 20);
  ss.record_failure("addr:1", 20);
  EXPECT_EQ(ss.failures_since("user:x", 15), 1);
  EXPECT_EQ(ss.failures_since("user:x", 0), 2);
  ss.clear_failures("user:x");
  EXPECT_EQ(ss.failures_since("user:x", 0), 0);
  EXPECT_EQ(ss.failures_since("addr:1", 0), 1);

  Id tid = ss.create_token(uid, "Kommunens system", "thash", 30);
  EXPECT_EQ(ss.token_by_hash("thash")->user_id, uid);
  EXPECT_EQ(ss.token_by_hash("thash")->username, "sess.user");
  ss.revoke_token(tid, 40);
  EXPECT_EQ(ss.token(tid)->revoked_at, 40);
  ss.revoke_token(tid, 50);  // revoking twice keeps the first time
  EXPECT_EQ(ss.token(tid)->revoked_at, 40);
  EXPECT_EQ(ss.tokens().size(), 1u);
}

TYPED_TEST(StoreContract, AuditLogAppendsSearchesAndRefusesEdits) {
  auto tx = this->db().begin(true);
  auto& a = tx->audit();
  EXPECT_EQ(a.lock_and_last_hash(), std::string(64, '0'));
  for (int i = 0; i < 5; ++i) {
    AuditEntry e;
    e.at = 1000 + i * 100;
    e.user_id = i % 2 ? std::optional<Id>(7) : std::nullopt;
    e.username = i % 2 ? "anna" : "system";
    e.action = i == 4 ? "staff.create" : "login";
    e.record_type = "staff";
    e.record_id = std::to_string(i);
    e.address = "127.0.0.1";
    e.prev_hash = a.lock_and_last_hash();
    e.hash = "h" + std::to_string(i);
    a.append(e);
  }
  EXPECT_EQ(a.lock_and_last_hash(), "h4");
  int total = 0;
  AuditFilter f;
  f.username = "anna";
  auto hits = a.search(f, &total);
  EXPECT_EQ(total, 2);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].record_id, "3");  // newest first
  EXPECT_EQ(hits[0].user_id, 7);
  AuditFilter range;
  range.from = 1100;
  range.to = 1300;  // exclusive
  a.search(range, &total);
  EXPECT_EQ(total, 2);
  AuditFilter page;
  page.limit = 2;
  page.offset = 2;
  auto p = a.search(page, &total);
  EXPECT_EQ(total, 5);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].record_id, "2");
  AuditFilter by_action;
  by_action.action = "staff.create";
  EXPECT_EQ(a.search(by_action, &total).size(), 1u);
  std::vector<std::string> order;
  a.scan([&](const AuditEntry& e) { order.push_back(e.record_id); return true; });
  EXPECT_EQ(order, (std::vector<std::string>{"0", "1", "2", "3", "4"}));
  tx->commit();
}

TYPED_TEST(StoreContract, AuditLogIsAppendOnlyInTheDatabase) {
  {
    auto tx = this->db().begin(true);
    AuditEntry e;
    e.at = 1;
    e.username = "x";
    e.action = "login";
    e.prev_hash = std::string(64, '0');
    e.hash = "h";
    tx->audit().append(e);
    tx->commit();
  }
  // The store has no update or delete; the schema refuses them from any client.
  EXPECT_ANY_THROW(test::exec_sql(this->t_->url, "UPDATE audit_log SET detail = 'changed'"));
  EXPECT_ANY_THROW(test::exec_sql(this->t_->url, "DELETE FROM audit_log"));
  auto tx = this->db().begin(false);
  int total = 0;
  auto rows = tx->audit().search({}, &total);
  EXPECT_EQ(total, 1);
  EXPECT_EQ(rows.at(0).detail, "");
}

TYPED_TEST(StoreContract, LargeNumbersAndTextSurvive) {
  auto tx = this->db().begin(true);
  Municipality m;
  m.name = std::string(200, 'x') + "ö";
  m.population = 3'000'000'000LL;
  m.socioeconomic_index = 99.99;
  Id id = tx->organisation().save_municipality(m);
  auto got = tx->organisation().municipality(id);
  EXPECT_EQ(got->population, 3'000'000'000LL);
  EXPECT_EQ(got->name, m.name);
  EXPECT_NEAR(got->socioeconomic_index, 99.99, 1e-9);
  Municipality evil;
  evil.name = "Robert'); DROP TABLE municipality;--";
  Id eid = tx->organisation().save_municipality(evil);
  EXPECT_EQ(tx->organisation().municipality(eid)->name, evil.name);
  tx->commit();
}
