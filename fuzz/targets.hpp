// The fuzz targets as plain functions: each takes the fuzzer's bytes and
// returns "" or a description of a broken invariant. The libFuzzer drivers
// (fuzz_main.cpp) abort on a description; unit_tests replays the seed corpora
// and every crashing input kept in fuzz/regressions/ through the same functions.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace stegvis::fuzz {

std::string personal_number(std::string_view input);
std::string date(std::string_view input);
std::string json_decoders(std::string_view input);
std::string form(std::string_view input);
std::string ledger_csv(std::string_view input);

struct Target {
  const char* name;  // also the folder under fuzz/corpus/ and fuzz/regressions/
  std::string (*run)(std::string_view);
};
inline const std::vector<Target>& targets() {
  static const std::vector<Target> all{{"personal_number", personal_number},
                                       {"date", date},
                                       {"json_decoders", json_decoders},
                                       {"form", form},
                                       {"ledger_csv", ledger_csv}};
  return all;
}

}  // namespace stegvis::fuzz
