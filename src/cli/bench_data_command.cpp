// stegvis bench-data: the generator itself lives in bench/generator.
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
  return 0;
}

}  // namespace stegvis::cli
