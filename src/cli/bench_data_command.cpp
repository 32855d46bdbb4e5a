// stegvis bench-data: the generator itself lives in bench/generator.
#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "generator/bench_data.hpp"

namespace stegvis::cli {

int run_bench_data(const Config& c, const BenchDataOptions& o) {
  bench::BenchDataOptions b;
  b.db_url = c.db;
  b.key_file = c.key_file;
  b.scale = o.scale;
  b.seed = static_cast<std::uint64_t>(o.seed);
  b.tokens_out = o.tokens_out;
  auto r = bench::generate_bench_data(b, std::cout);
  std::cout << "loaded " << r.rows << " rows in " << r.load_seconds + r.finish_seconds << " s (rows "
            << r.load_seconds << " s, indexes and keys " << r.finish_seconds << " s): "
            << static_cast<long long>(r.rows_per_second()) << " rows/s\n"
            << "every account's password: " << b.password << "\n";
  // Ten years written at once have never been through retention; an installation that has run
  // has, daily. Purging the backlog here leaves that state (what the load test meets) and
  // measures the purge at national scale in passing.
  auto started = std::chrono::steady_clock::now();
  auto purged = purge_now(c, false);
  if (!purged.ok) {
    std::cerr << "stegvis bench-data: purge: " << purged.message << "\n";
    return 1;
  }
  std::cout << "purged the backlog in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
            << " s: " << purged.message << "\n";
  return 0;
}

}  // namespace stegvis::cli
