#include "domain/money.hpp"

#include <cmath>
#include <set>

namespace stegvis {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Drops the spaces people and finance systems put between thousands:
// ASCII space, no-break space (C2 A0), narrow no-break (E2 80 AF), thin space (E2 80 89).
std::string strip_group_spaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t') continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) { ++i; continue; }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xAF || static_cast<unsigned char>(s[i + 2]) == 0x89)) {
      i += 2;
      continue;
    }
    // U+2212 MINUS SIGN as typed in word processors.
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x88 &&
        static_cast<unsigned char>(s[i + 2]) == 0x92) {
      out += '-';
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

Error too_large(const std::string& field) {
  return unprocessable(field, "Beloppet i \"" + field + "\" är större än 1 000 000 000 000 kr.");
}

}  // namespace

Result<Ore> parse_amount(std::string_view text, const std::string& field) {
  std::string s = strip_group_spaces(text);
  const Error not_number =
      invalid(field, "\"" + field + "\" ska vara ett belopp i kronor, t.ex. 1 234,50 eller -500.");
  if (s.empty()) return invalid(field, "Ange ett belopp i \"" + field + "\".");
  bool negative = false;
  std::size_t i = 0;
  if (s[0] == '-' || s[0] == '+') {
    negative = s[0] == '-';
    i = 1;
  }
  Ore kronor = 0;
  int int_digits = 0;
  for (; i < s.size() && is_digit(s[i]); ++i, ++int_digits) {
    if (kronor > kMaxAmountOre / 100) return too_large(field);
    kronor = kronor * 10 + (s[i] - '0');
  }
  if (int_digits == 0) return not_number;
  Ore ore = 0;
  if (i < s.size()) {
    if (s[i] != ',' && s[i] != '.') return not_number;
    ++i;
    int decimals = 0;
    for (; i < s.size() && is_digit(s[i]); ++i, ++decimals) {
      if (decimals >= 2) {
        if (s[i] != '0')
          return unprocessable(field, "\"" + field + "\" får ha högst två decimaler (hela ören).");
        continue;
      }
      ore = ore * 10 + (s[i] - '0');
    }
    if (decimals == 0 || i != s.size()) return not_number;
    if (decimals == 1) ore *= 10;
  }
  if (kronor > kMaxAmountOre / 100) return too_large(field);
  Ore total = kronor * 100 + ore;
  if (total > kMaxAmountOre) return too_large(field);
  return negative ? -total : total;
}

Result<Ore> amount_from_number(double sek, const std::string& field) {
  if (!std::isfinite(sek)) return invalid(field, "\"" + field + "\" ska vara ett belopp i kronor.");
  if (std::fabs(sek) > 1e12) return too_large(field);
  double scaled = sek * 100.0;
  double rounded = std::round(scaled);
  if (std::fabs(scaled - rounded) > 1e-6 * std::max(1.0, std::fabs(scaled)))
    return unprocessable(field, "\"" + field + "\" får ha högst två decimaler (hela ören).");
  return static_cast<Ore>(rounded);
}

std::string format_sek(Ore ore) {
  bool negative = ore < 0;
  std::uint64_t abs = negative ? static_cast<std::uint64_t>(-(ore + 1)) + 1 : static_cast<std::uint64_t>(ore);
  std::string digits = std::to_string(abs / 100);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u00a0";
    out += digits[i];
  }
  if (abs % 100) {
    out += ',';
    out += static_cast<char>('0' + (abs % 100) / 10);
    out += static_cast<char>('0' + abs % 10);
  }
  return negative ? "-" + out : out;
}

double to_sek(Ore ore) { return static_cast<double>(ore) / 100.0; }

Result<std::string> parse_month(std::string_view text, const std::string& field) {
  const Error bad = invalid(field, "\"" + field + "\" ska vara en månad som ÅÅÅÅ-MM eller ett datum ÅÅÅÅ-MM-DD.");
  if (text.size() == 10) {
    if (!parse_date(text)) return bad;
    return std::string(text.substr(0, 7));
  }
  if (text.size() != 7 || text[4] != '-') return bad;
  if (!parse_date(std::string(text) + "-01")) return bad;
  return std::string(text);
}

Date month_first_day(const std::string& month) { return parse_date(month + "-01").value_or(Date{}); }

Date month_last_day(const std::string& month) { return add_days(add_months(month_first_day(month), 1), -1); }

bool month_in_period(const std::string& month, const std::string& start, const std::string& end) {
  const std::string first = to_string(month_first_day(month)), last = to_string(month_last_day(month));
  return last >= start && (end.empty() || first <= end);
}

const std::vector<BudgetLineDef>& default_budget_lines() {
  static const std::vector<BudgetLineDef> lines{{"loner", "Löner"},
                                                {"lokaler", "Lokaler och utrustning"},
                                                {"resor", "Resor"},
                                                {"kompetens", "Kompetensutveckling"},
                                                {"datorer", "Datorer och telefoni"},
                                                {"ovrigt", "Övrigt"}};
  return lines;
}

const std::vector<DemoBudgetLine>& demo_budget_2024() {
  static const std::vector<DemoBudgetLine> lines{{"loner", 8100},    {"lokaler", 700}, {"resor", 60},
                                                 {"kompetens", 45}, {"datorer", 45},  {"ovrigt", 30}};
  return lines;
}

Ore Budget::total() const {
  Ore t = 0;
  for (const auto& l : lines) t += l.amount;
  return t;
}

std::optional<Ore> Budget::unallocated() const {
  if (!frame) return std::nullopt;
  return *frame - total();
}

std::optional<Error> check_budget_draft(Budget& b) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < b.lines.size(); ++i) {
    auto& l = b.lines[i];
    const std::string field = "lines[" + std::to_string(i) + "]";
    const BudgetLineDef* def = nullptr;
    for (const auto& d : default_budget_lines())
      if (d.code == l.code) def = &d;
    if (!def)
      return unprocessable(field + ".code", "Okänd budgetrad \"" + l.code +
                                                "\". Raderna är loner, lokaler, resor, kompetens, datorer och ovrigt.");
    if (!seen.insert(l.code).second) return unprocessable(field + ".code", "Budgetraden \"" + l.code + "\" finns två gånger.");
    if (l.name.empty()) l.name = def->name;
    if (l.amount < 0) return unprocessable(field + ".amount", "Ett budgetbelopp kan inte vara negativt.");
    if (l.amount > kMaxAmountOre) return too_large(field + ".amount");
  }
  if (b.frame && (*b.frame < 0 || *b.frame > kMaxAmountOre))
    return unprocessable("frame", "Ramen ska vara mellan 0 och 1 000 000 000 000 kr.");
  if (b.frame && b.total() > *b.frame)
    return unprocessable("lines", "Budgetraderna (" + format_sek(b.total()) + " kr) överstiger ramen (" +
                                      format_sek(*b.frame) + " kr).");
  return std::nullopt;
}

}  // namespace stegvis
