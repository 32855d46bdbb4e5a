// Replays every seed in fuzz/corpus/<target>/ and every input a fuzzer once
// crashed on (fuzz/regressions/<target>/) through the same target functions
// the fuzzers run, so that a fixed crash stays fixed in the normal build too.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "targets.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class FuzzReplay : public ::testing::TestWithParam<stegvis::fuzz::Target> {};

TEST_P(FuzzReplay, SeedsAndKeptCrashesKeepEveryInvariant) {
  const auto& target = GetParam();
  int inputs = 0;
  for (const char* kind : {"corpus", "regressions"}) {
    const fs::path dir = fs::path(STEGVIS_FUZZ_DIR) / kind / target.name;
    if (!fs::is_directory(dir)) continue;
    for (const auto& f : fs::directory_iterator(dir)) {
      if (!f.is_regular_file()) continue;
      ++inputs;
      EXPECT_EQ(target.run(read_all(f.path())), "") << f.path();
    }
  }
  EXPECT_GT(inputs, 0) << "no seed corpus for " << target.name;
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplay, ::testing::ValuesIn(stegvis::fuzz::targets()),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
