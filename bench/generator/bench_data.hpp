// stegvis bench-data: fills an empty database with the national data set of
// issue #5 (at scale 1.0: 80 associations, 5,000 staff, 1,000,000 enrolments,
// 10,000,000 contacts, 3,000,000 ORS/SRS ratings over ten years), identifying
// fields sealed with the installation key as the product seals them.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace stegvis::bench {

struct BenchDataOptions {
  std::string db_url;
  std::string key_file;
  double scale = 1.0;
  std::uint64_t seed = 1;
  std::string password = "bench-password";  // every generated account's
  std::string tokens_out;                     // the load test's bearer tokens and caseloads ("" = none)
};

struct TableLoad {
  std::string table;
  std::int64_t rows = 0;
  double seconds = 0;
};

struct BenchDataResult {
  std::vector<TableLoad> tables;
  std::int64_t rows = 0;
  double load_seconds = 0;    // generating and writing rows
  double finish_seconds = 0;  // rebuilding indexes and keys, analysing
  double rows_per_second() const { return load_seconds + finish_seconds > 0 ? rows / (load_seconds + finish_seconds) : 0; }
};

// Throws std::runtime_error when the database is not empty or cannot be written.
BenchDataResult generate_bench_data(const BenchDataOptions& o, std::ostream& progress);

}  // namespace stegvis::bench
