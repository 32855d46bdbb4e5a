// Helpers for reading SOCI rows the same way on SQLite and PostgreSQL, whose
// drivers report different C++ types for the same column (architecture.md).
#pragma once
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stegvis::store::sql {

std::int64_t col_int(const soci::row& r, std::size_t i);
std::optional<std::int64_t> col_opt_int(const soci::row& r, std::size_t i);
double col_double(const soci::row& r, std::size_t i);
std::string col_str(const soci::row& r, std::size_t i);

// Columns read into fixed variables instead of a soci::row, for the hot queries: a row
// describes its columns and allocates a holder for every value on each execution, which
// cost more than SQLite's own work. Give the column kinds ('i' integer, 'd' double,
// 's' text), run the prepared query (its use()s bound) with each_row(), and read the
// current row like the col_* functions (NULL is 0, "" or nullopt).
class TypedRow {
 public:
  explicit TypedRow(std::string_view kinds);
  TypedRow(const TypedRow&) = delete;  // SOCI holds the addresses of the members
  TypedRow& operator=(const TypedRow&) = delete;
  // Executes q and calls f() once for each row, this object holding that row.
  template <class F>
  void each_row(soci::details::prepare_temp_type& q, F&& f) {
    bind(q);
    soci::statement st(q);
    st.execute();
    while (st.fetch()) f();
  }
  std::int64_t integer(std::size_t i) const { return null(i) ? 0 : ints_[i]; }
  std::optional<std::int64_t> opt_integer(std::size_t i) const {
    return null(i) ? std::nullopt : std::optional<std::int64_t>(ints_[i]);
  }
  double real(std::size_t i) const { return null(i) ? 0 : reals_[i]; }
  std::string text(std::size_t i) const { return null(i) ? std::string() : texts_[i]; }
  bool null(std::size_t i) const { return inds_[i] == soci::i_null; }

 private:
  void bind(soci::details::prepare_temp_type& q);

  std::string kinds_;
  std::vector<long long> ints_;
  std::vector<double> reals_;
  std::vector<std::string> texts_;
  std::vector<soci::indicator> inds_;
};

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
