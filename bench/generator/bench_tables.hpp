// Writing the generated tables: the organisation and accounts
// (bench_organisation_tables.cpp) and the participant's path
// (bench_participant_tables.cpp), through one BulkWriter.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "crypto/sealed_box.hpp"
#include "generator/bench_model.hpp"
#include "generator/bulk_writer.hpp"

namespace stegvis::bench {

// Seals as FieldCipher does, with a nonce made of a keyed prefix for this
// (seed, scale) and the row's place, so the output repeats exactly and no
// nonce is used twice under the key.
class Sealer {
 public:
  Sealer(const crypto::FieldCipher& cipher, const Params& p);
  std::string seal(std::string_view plain, char table, char field, Id row) const;

 private:
  const crypto::FieldCipher& cipher_;
  std::string prefix_;  // 8 bytes
};

struct Context {
  const Params& params;
  const Organisation& org;
  const crypto::FieldCipher& cipher;
  const Sealer& sealer;
  BulkWriter& out;
  std::string password_hash;
  // Filled while writing enrolments: the active enrolment ids of each member of staff.
  std::vector<std::vector<Id>> active_by_staff;
  // Called after each table with its name and row count.
  std::function<void(const std::string&)> table_done;
};

void write_organisation_tables(Context& c);
void write_participant_tables(Context& c);

// Every table the generator writes, parents first.
const std::vector<std::string>& generated_tables();

std::int64_t unix_at(const Date& d, int hour = 9);
std::string bench_token(const Context& c, Id staff_id);

}  // namespace stegvis::bench
