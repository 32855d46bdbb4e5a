// Helpers of the participant-path API tests: fresh, valid personal numbers,
// referral bodies, and enrolments made through the API the way a samordnare does.
#pragma once
#include <cstdint>
#include <string>

#include "api/server_fixture.hpp"

namespace stegvis::test {

// A valid personal number YYYYMMDDNNNC born in this year, never returned twice by this process.
std::string fresh_personal_number(int birth_year);

// Today (the server runs on this machine) plus days, as YYYY-MM-DD.
std::string day(int days_from_today = 0);

struct ReferralSpec {
  std::string track = "arbetsmarknad";
  std::string municipality = "Katrineholm";
  int birth_year = 1990;
  bool anonymous = false;
  std::string gender = "female";
  std::string received_on;  // "" = not sent (today)
};

// A complete POST /api/v1/referrals body; "person.personal_number" is fresh unless anonymous.
json referral_body(std::int64_t programme_id, const ReferralSpec& spec = {});

// Creates the referral as this client (retrying with another number in the unlikely case
// that the demo data already holds the random one); returns its id, or 0 after a failed assertion.
std::int64_t create_referral(ApiClient& c, std::int64_t programme_id, const ReferralSpec& spec = {},
                             std::string* personal_number = nullptr);

// A referral accepted by this client (start date = decision_date, "" = today); returns the enrolment id or 0.
std::int64_t create_enrolment(ApiClient& c, std::int64_t programme_id, const ReferralSpec& spec = {},
                              const std::string& decision_date = "", std::string* personal_number = nullptr);

// The demo staff member's id (by username), looked up as admin once.
std::int64_t staff_id(const std::string& username);
// The demo programme's id, looked up as admin once.
std::int64_t programme_id();

// POST with an Idempotency-Key header.
Reply post_with_key(ApiClient& c, const std::string& path, const json& body, const std::string& key);

}  // namespace stegvis::test
