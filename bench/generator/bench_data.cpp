#include "generator/bench_data.hpp"

#include <chrono>
#include <fstream>
#include <stdexcept>

#include "crypto/crypto.hpp"
#include "generator/bench_tables.hpp"
#include "store/store.hpp"

namespace stegvis::bench {
namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// One line per member of staff who carries a caseload or coordinates a unit:
// "role staff_id unit_id token enrolment,enrolment,..." (active enrolments they may open).
void write_tokens(const Context& c, const std::string& path) {
  std::ofstream out(path);
  if (!out) throw std::runtime_error("cannot write " + path);
  for (std::size_t i = 0; i < c.org.staff.size(); ++i) {
    const StaffRow& s = c.org.staff[i];
    std::vector<Id> ids;
    if (s.role == Role::coach || s.role == Role::koordinator) {
      ids = c.active_by_staff[i];
    } else if (s.role == Role::samordnare) {
      for (int k : c.org.units[static_cast<std::size_t>(*s.unit_id - 1)].caseload_staff)
        for (Id e : c.active_by_staff[static_cast<std::size_t>(k)])
          if (ids.size() < 200) ids.push_back(e);
    }
    if (ids.empty()) continue;
    out << to_code(s.role) << ' ' << s.id << ' ' << *s.unit_id << ' ' << bench_token(c, s.id) << ' ';
    for (std::size_t k = 0; k < ids.size(); ++k) out << (k ? "," : "") << ids[k];
    out << '\n';
  }
}

}  // namespace

BenchDataResult generate_bench_data(const BenchDataOptions& o, std::ostream& progress) {
  if (!(o.scale > 0) || o.scale > 20) throw std::runtime_error("--scale must be above 0 and at most 20");
  crypto::init();
  {
    auto db = store::open_database(o.db_url, 1);
    db->migrate();
    if (!db->is_empty()) throw std::runtime_error("bench-data fills an empty database; this one holds data already");
  }
  const std::string key = crypto::load_or_create_key(o.key_file);
  const crypto::FieldCipher cipher(key);
  Params params;
  params.scale = o.scale;
  params.seed = o.seed;
  const Organisation org = build_organisation(params);
  const Sealer sealer(cipher, params);
  auto writer = open_bulk_writer(o.db_url);

  BenchDataResult result;
  auto started = Clock::now();
  auto table_started = started;
  std::int64_t rows_before = 0;
  Context c{params, org, cipher, sealer, *writer, crypto::hash_password(o.password), {}, {}};
  c.table_done = [&](const std::string& table) {
    TableLoad t{table, writer->rows() - rows_before, since(table_started)};
    progress << "  " << table << ": " << t.rows << " rows in " << t.seconds << " s\n" << std::flush;
    result.tables.push_back(t);
    rows_before = writer->rows();
    table_started = Clock::now();
  };
  progress << "generating scale " << o.scale << " (seed " << o.seed << "): " << params.enrolments() << " enrolments, "
           << org.staff.size() << " staff in " << org.associations.size() << " associations\n";
  writer->prepare(generated_tables());
  table_started = Clock::now();
  write_organisation_tables(c);
  write_participant_tables(c);
  result.load_seconds = since(started);
  auto finishing = Clock::now();
  progress << "  rebuilding indexes and keys, analysing...\n" << std::flush;
  writer->finish();
  result.finish_seconds = since(finishing);
  result.rows = writer->rows();
  if (!o.tokens_out.empty()) write_tokens(c, o.tokens_out);
  return result;
}

}  // namespace stegvis::bench
