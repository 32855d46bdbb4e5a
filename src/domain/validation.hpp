// Input rules shared by every use case: text, dates, names, passwords.
// Each returns the Error to show (Swedish message, field) or nothing.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace stegvis {

bool is_valid_utf8(std::string_view s);
// Length in code points (what a person counts), assuming valid UTF-8.
std::size_t utf8_length(std::string_view s);

// Required text of 1..max code points, valid UTF-8, no control characters.
std::optional<Error> check_text(std::string_view field, std::string_view value, std::size_t max,
                                bool required = true);
// A calendar date written YYYY-MM-DD.
bool is_valid_date(std::string_view s);
std::optional<Error> check_date(std::string_view field, std::string_view value, bool required = true);
// Usernames: 3..40 of a-z 0-9 . _ -
std::optional<Error> check_username(std::string_view value);
// Passwords: at least 10 characters, at most 200.
std::optional<Error> check_password(std::string_view value);
std::optional<Error> check_range(std::string_view field, double value, double min, double max);

}  // namespace stegvis
