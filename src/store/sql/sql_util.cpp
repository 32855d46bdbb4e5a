#include "store/sql/sql_util.hpp"

#include <sstream>
#include <stdexcept>

namespace stegvis::store::sql {

std::int64_t col_int(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<std::int64_t>(r.get<unsigned long long>(i));
    case soci::dt_double: return static_cast<std::int64_t>(r.get<double>(i));
    case soci::dt_string: return std::stoll(r.get<std::string>(i));
    default: throw std::runtime_error("column is not an integer: " + r.get_properties(i).get_name());
  }
}

std::optional<std::int64_t> col_opt_int(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::nullopt;
  return col_int(r, i);
}

double col_double(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_double: return r.get<double>(i);
    case soci::dt_string: return std::stod(r.get<std::string>(i));
    default: return static_cast<double>(col_int(r, i));
  }
}

std::string col_str(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return {};
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_string: return r.get<std::string>(i);
    case soci::dt_double: return std::to_string(r.get<double>(i));
    default: return std::to_string(col_int(r, i));
  }
}

TypedRow::TypedRow(std::string_view kinds)
    : kinds_(kinds), ints_(kinds.size()), reals_(kinds.size()), texts_(kinds.size()), inds_(kinds.size()) {}

void TypedRow::bind(soci::details::prepare_temp_type& q) {
  for (std::size_t i = 0; i < kinds_.size(); ++i) {
    switch (kinds_[i]) {
      case 'i': q, soci::into(ints_[i], inds_[i]); break;
      case 'd': q, soci::into(reals_[i], inds_[i]); break;
      case 's': q, soci::into(texts_[i], inds_[i]); break;
      default: throw std::logic_error("TypedRow: unknown column kind");
    }
  }
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, ','))
    if (!part.empty()) out.push_back(part);
  return out;
}

}  // namespace stegvis::store::sql
