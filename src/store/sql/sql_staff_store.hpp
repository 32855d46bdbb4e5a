// SQL for staff: user accounts with their role assignments.
#pragma once
#include <soci/soci.h>

#include "store/store.hpp"

namespace stegvis::store::sql {

class SqlStaffStore final : public StaffStore {
 public:
  explicit SqlStaffStore(soci::session& s) : sql_(s) {}
  Id create(const Staff& s, const std::string& password_hash, std::int64_t now) override;
  void update(const Staff& s) override;
  std::optional<Staff> get(Id id) override;
  std::optional<Staff> by_username(const std::string& username) override;
  std::vector<Staff> list(std::optional<Id> unit_id) override;
  std::optional<Credentials> credentials(const std::string& username) override;
  void set_password(Id id, const std::string& hash) override;
  void set_disabled(Id id, bool disabled) override;

 private:
  void write_roles(const Staff& s);
  // Runs q, a SELECT of kCols with its use()s bound, and reads each one's roles.
  std::vector<Staff> load(soci::details::prepare_temp_type& q);
  soci::session& sql_;
};

}  // namespace stegvis::store::sql
