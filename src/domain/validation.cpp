#include "domain/validation.hpp"

#include <charconv>

namespace stegvis {

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { extra = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { extra = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { extra = 3; cp = c & 0x07; }
    else return false;
    if (i + extra >= s.size()) return false;  // truncated sequence
    for (int k = 1; k <= extra; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

std::optional<Error> check_text(std::string_view field, std::string_view value, std::size_t max, bool required) {
  if (!is_valid_utf8(value)) return invalid(std::string(field), "Texten innehåller ogiltiga tecken (inte UTF-8).");
  bool blank = value.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (blank && required) return invalid(std::string(field), "Fältet måste fyllas i.");
  if (utf8_length(value) > max)
    return invalid(std::string(field), "Texten är för lång (högst " + std::to_string(max) + " tecken).");
  for (char ch : value) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
      return invalid(std::string(field), "Texten innehåller otillåtna styrtecken.");
  }
  return std::nullopt;
}

namespace {
int parse_int(std::string_view s) {
  int v = -1;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return -1;
  return v;
}
}  // namespace

bool is_valid_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = parse_int(s.substr(0, 4)), m = parse_int(s.substr(5, 2)), d = parse_int(s.substr(8, 2));
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max;
}

std::optional<Error> check_date(std::string_view field, std::string_view value, bool required) {
  if (value.empty()) {
    if (required) return invalid(std::string(field), "Ange ett datum (ÅÅÅÅ-MM-DD).");
    return std::nullopt;
  }
  if (!is_valid_date(value)) return invalid(std::string(field), "Ogiltigt datum, skriv ÅÅÅÅ-MM-DD.");
  return std::nullopt;
}

std::optional<Error> check_username(std::string_view value) {
  if (value.size() < 3 || value.size() > 40)
    return invalid("username", "Användarnamnet ska ha 3–40 tecken.");
  for (char c : value) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return invalid("username", "Användarnamnet får bara innehålla a–z, 0–9, punkt, bindestreck och understreck.");
  }
  return std::nullopt;
}

std::optional<Error> check_password(std::string_view value) {
  if (!is_valid_utf8(value)) return invalid("password", "Lösenordet innehåller ogiltiga tecken.");
  if (utf8_length(value) < 10) return invalid("password", "Lösenordet ska ha minst 10 tecken.");
  if (value.size() > 200) return invalid("password", "Lösenordet är för långt (högst 200 tecken).");
  return std::nullopt;
}

std::optional<Error> check_range(std::string_view field, double value, double min, double max) {
  if (!(value >= min && value <= max))
    return invalid(std::string(field), "Värdet ska vara mellan " + std::to_string(static_cast<long long>(min)) +
                                           " och " + std::to_string(static_cast<long long>(max)) + ".");
  return std::nullopt;
}

}  // namespace stegvis
