// Helpers for reading SOCI rows the same way on SQLite and PostgreSQL, whose
// drivers report different C++ types for the same column (architecture.md).
#pragma once
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stegvis::store::sql {

std::int64_t col_int(const soci::row& r, std::size_t i);
std::optional<std::int64_t> col_opt_int(const soci::row& r, std::size_t i);
double col_double(const soci::row& r, std::size_t i);
std::string col_str(const soci::row& r, std::size_t i);

// A nullable id to bind with use(value, indicator).
struct NullableId {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  explicit NullableId(const std::optional<std::int64_t>& v) {
    if (v) { value = *v; ind = soci::i_ok; }
  }
};

// A comma-separated list column (income sources, parties) as its parts, empty parts dropped.
std::vector<std::string> split_list(const std::string& s);

}  // namespace stegvis::store::sql
