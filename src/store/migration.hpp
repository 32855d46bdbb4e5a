// A numbered schema migration for one backend, compiled into the binary.
#pragma once
#include <string>
#include <vector>

namespace stegvis::store {

struct Migration {
  std::string backend;  // "sqlite" or "postgresql"
  int number = 0;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& embedded_migrations();

}  // namespace stegvis::store
