// The organisation tables and the accounts of the generated data set.
#include <stdexcept>

#include "crypto/crypto.hpp"
#include "generator/bench_tables.hpp"

namespace stegvis::bench {

const std::vector<std::string>& generated_tables() {
  static const std::vector<std::string> t = {
      "association", "party",    "municipality", "programme",  "track",    "unit",      "unit_municipality",
      "app_user",    "role_assignment", "api_token", "person",  "referral", "enrolment", "consent",
      "allocation",  "plan_version", "contact",   "follow_up",  "goal_rating", "rating"};
  return t;
}

std::int64_t unix_at(const Date& d, int hour) { return static_cast<std::int64_t>(day_number(d)) * 86400 + hour * 3600; }

std::string bench_token(const Context& c, Id staff_id) {
  // Keyed, so that knowing the seed is not knowing the tokens; 64 hex characters like the product's tokens.
  return c.cipher.keyed_hash("bench-token", std::to_string(c.params.seed) + ":" + std::to_string(staff_id));
}

Sealer::Sealer(const crypto::FieldCipher& cipher, const Params& p) : cipher_(cipher) {
  std::string hex = cipher.keyed_hash("bench-nonce", std::to_string(p.seed) + ":" + std::to_string(p.scale));
  for (std::size_t i = 0; i < 8; ++i) prefix_ += static_cast<char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
}

std::string Sealer::seal(std::string_view plain, char table, char field, Id row) const {
  std::string nonce = prefix_;
  nonce += table;
  nonce += field;
  for (int i = 0; i < 8; ++i) nonce += static_cast<char>((static_cast<std::uint64_t>(row) >> (8 * i)) & 0xff);
  nonce.resize(crypto::FieldCipher::kNonceBytes, '\0');
  return cipher_.seal_with_nonce(plain, nonce);
}

void write_organisation_tables(Context& c) {
  const Organisation& org = c.org;
  BulkWriter& w = c.out;
  const std::string from = to_string(add_days(c.params.as_of, -3650 + 1));
  const std::string until = to_string(add_days(c.params.as_of, 730));
  const std::int64_t created = unix_at(add_days(c.params.as_of, -3650));

  w.begin_table("association", {"id", "name", "org_number"});
  for (const auto& a : org.associations) {
    w.value(a.id), w.value(a.name), w.value("222" + std::to_string(100000 + a.id) + "-0000");
    w.end_row();
  }
  w.end_table();
  c.table_done("association");

  w.begin_table("party", {"id", "name", "kind"});
  for (const auto& p : org.parties) {
    w.value(p.id), w.value(p.name), w.value(p.kind);
    w.end_row();
  }
  w.end_table();
  c.table_done("party");

  w.begin_table("municipality", {"id", "name", "party_id", "population", "socioeconomic_index"});
  for (const auto& m : org.municipalities) {
    w.value(m.id), w.value(m.name), w.value(m.party_id), w.value(m.population), w.value(m.socioeconomic);
    w.end_row();
  }
  w.end_table();
  c.table_done("municipality");

  w.begin_table("programme", {"id", "association_id", "name", "start_date", "end_date", "purpose", "target_group"});
  for (const auto& p : org.programmes) {
    w.value(p.id), w.value(p.association_id), w.value(p.name), w.value(from), w.value(until);
    w.value("Samordnat stöd mot arbete eller studier för personer som behöver insatser från flera parter.");
    w.value("Personer 18–64 år med försörjningsstöd, sjukpenning eller aktivitetsersättning.");
    w.end_row();
  }
  w.end_table();
  c.table_done("programme");

  w.begin_table("track", {"id", "programme_id", "code", "name", "min_age", "max_age", "staff_role"});
  for (const auto& p : org.programmes) {
    w.value(p.track_arbetsmarknad), w.value(p.id), w.value("arbetsmarknad"), w.value("Arbetsmarknad"), w.value(18),
        w.value(65), w.value("coach");
    w.end_row();
    w.value(p.track_unga), w.value(p.id), w.value("unga"), w.value("Unga"), w.value(18), w.value(29),
        w.value("koordinator");
    w.end_row();
  }
  w.end_table();
  c.table_done("track");

  w.begin_table("unit", {"id", "programme_id", "name", "controller_party_id"});
  for (const auto& u : org.units) {
    w.value(u.id), w.value(u.programme_id), w.value(u.name), w.value(u.controller_party_id);
    w.end_row();
  }
  w.end_table();
  c.table_done("unit");

  w.begin_table("unit_municipality", {"unit_id", "municipality_id", "programme_id"});
  for (const auto& u : org.units)
    for (Id m : u.municipalities) {
      w.value(u.id), w.value(m), w.value(u.programme_id);
      w.end_row();
    }
  w.end_table();
  c.table_done("unit_municipality");

  // One password hash for all: argon2id is slow on purpose, and every account has the same known password.
  w.begin_table("app_user",
                {"id", "username", "name", "email", "password_hash", "employing_party_id", "disabled", "created_at"});
  for (const auto& s : org.staff) {
    w.value(s.id), w.value(s.username), w.value(s.name), w.value(s.username + "@bench.stegvis.se");
    w.value(c.password_hash);
    if (s.employer_party_id) w.value(s.employer_party_id); else w.null();
    w.value(0), w.value(created);
    w.end_row();
  }
  w.end_table();
  c.table_done("app_user");

  w.begin_table("role_assignment", {"id", "user_id", "role", "unit_id", "municipality_id", "fte_pct"});
  for (const auto& s : org.staff) {
    w.value(s.id), w.value(s.id), w.value(std::string(to_code(s.role)));
    if (s.unit_id) w.value(*s.unit_id); else w.null();
    if (s.municipality_id) w.value(*s.municipality_id); else w.null();
    w.value(static_cast<double>(s.fte));
    w.end_row();
  }
  w.end_table();
  c.table_done("role_assignment");

  w.begin_table("api_token", {"id", "user_id", "name", "token_hash", "created_at"});
  for (const auto& s : org.staff) {
    w.value(s.id), w.value(s.id), w.value("bench"), w.value(crypto::hash_hex(bench_token(c, s.id))), w.value(created);
    w.end_row();
  }
  w.end_table();
  c.table_done("api_token");
}

}  // namespace stegvis::bench
