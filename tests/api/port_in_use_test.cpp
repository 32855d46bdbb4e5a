// A second server on a port that is already served must fail at once, not share it:
// cpp-httplib's default SO_REUSEPORT would let both listen and split the requests.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>

#include "api/server_fixture.hpp"

namespace fs = std::filesystem;

TEST(PortInUse, ASecondServerOnTheSamePortExitsWithAnError) {
  const auto& s = stegvis::test::server();
  auto dir = fs::temp_directory_path() / ("stegvis_port_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string cmd = "timeout 15 " + s.binary + " serve --db 'sqlite:" + (dir / "other.db").string() + "' --key-file '" +
                    (dir / "other.key").string() + "' --port " + std::to_string(s.port) + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::array<char, 4096> buf{};
  std::string out;
  while (fgets(buf.data(), buf.size(), p)) out += buf.data();
  int status = pclose(p);
  fs::remove_all(dir);
  ASSERT_TRUE(WIFEXITED(status)) << out;
  EXPECT_NE(WEXITSTATUS(status), 124) << "the second server kept running on a served port:\n" << out;
  EXPECT_NE(WEXITSTATUS(status), 0) << out;
  EXPECT_NE(out.find("cannot listen"), std::string::npos) << out;
}
