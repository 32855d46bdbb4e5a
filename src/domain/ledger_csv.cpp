#include "domain/ledger_csv.hpp"

#include <algorithm>
#include <cctype>

namespace stegvis {
namespace {

// Windows-1252 0x80..0x9F as Unicode code points; 0 marks the five undefined bytes.
constexpr char32_t kCp1252High[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || (n == 1 && c < 0xC2) || (n == 3 && c > 0xF4)) return false;
    if (n > 0 && i + static_cast<std::size_t>(n) >= s.size()) return false;
    char32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (int k = 1; k <= n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += n + 1;
  }
  return true;
}

std::string trim(std::string s) {
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && space(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

std::string lower_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The column a header cell names, in English (api.md) or Swedish.
std::string column_of(const std::string& cell) {
  std::string h = lower_ascii(trim(cell));
  if (h == "month" || h == "månad" || h == "manad" || h == "period" || h == "datum" || h == "date") return "month";
  if (h == "line" || h == "rad" || h == "budgetrad" || h == "konto") return "line";
  if (h == "amount" || h == "belopp") return "amount";
  if (h == "unit" || h == "enhet" || h == "länsdel" || h == "lansdel" || h == "team") return "unit";
  if (h == "note" || h == "anteckning" || h == "notering" || h == "text") return "note";
  return "";
}

// The separator of the header line: the one that splits it into known columns.
char detect_separator(std::string_view text) {
  std::string_view first = text.substr(0, text.find_first_of("\r\n"));
  auto semis = std::count(first.begin(), first.end(), ';');
  auto commas = std::count(first.begin(), first.end(), ',');
  return semis >= commas ? ';' : ',';
}

}  // namespace

Result<std::string> decode_ledger_text(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos)
    return unprocessable("file", "Filen har en annan teckenkodning (troligen UTF-16). Spara den som UTF-8 eller "
                                 "Windows-1252 (CSV med semikolon).");
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    if (!valid_utf8(bytes)) return unprocessable("file", "Filen börjar som UTF-8 men innehåller ogiltiga tecken.");
    return std::string(bytes);
  }
  if (valid_utf8(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else if (c < 0xA0) {
      char32_t cp = kCp1252High[c - 0x80];
      if (!cp) return unprocessable("file", "Filen är varken UTF-8 eller Windows-1252. Spara den som UTF-8.");
      append_utf8(out, cp);
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

Result<std::vector<std::vector<std::string>>> parse_csv_records(std::string_view text, char separator) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, was_quoted = false;
  std::size_t i = 0;
  auto end_record = [&] {
    record.push_back(std::move(field));
    field.clear();
    records.push_back(std::move(record));
    record.clear();
    was_quoted = false;
  };
  while (i < text.size()) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      ++i;
      continue;
    }
    if (c == '"' && field.find_first_not_of(" \t") == std::string::npos && !was_quoted) {
      field.clear();
      quoted = was_quoted = true;
    } else if (c == separator) {
      record.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\r' || c == '\n') {
      end_record();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      field += c;
    }
    ++i;
  }
  if (quoted) return unprocessable("file", "Filen slutar inuti ett citerat fält (ett \" saknas).");
  if (!field.empty() || !record.empty()) end_record();
  return records;
}

Result<std::vector<LedgerRow>> parse_ledger(std::string_view bytes) {
  auto text = decode_ledger_text(bytes);
  if (!text) return text.error();
  const char sep = detect_separator(*text);
  auto records = parse_csv_records(*text, sep);
  if (!records) return records.error();
  auto& recs = *records;
  if (recs.empty() || (recs.size() == 1 && trim(recs[0][0]).empty()))
    return unprocessable("file", "Filen är tom. Första raden ska vara rubrikerna month;line;amount;unit;note.");
  // Column positions from the header.
  int col_month = -1, col_line = -1, col_amount = -1, col_unit = -1, col_note = -1;
  for (std::size_t c = 0; c < recs[0].size(); ++c) {
    std::string name = column_of(recs[0][c]);
    int* slot = name == "month" ? &col_month : name == "line" ? &col_line : name == "amount" ? &col_amount
              : name == "unit" ? &col_unit : name == "note" ? &col_note : nullptr;
    if (!slot) continue;
    if (*slot >= 0) return unprocessable("file", "Kolumnen \"" + name + "\" finns två gånger i rubrikraden.");
    *slot = static_cast<int>(c);
  }
  if (col_month < 0 || col_line < 0 || col_amount < 0)
    return unprocessable("file", "Rubrikraden ska innehålla month, line och amount (och gärna unit och note), "
                                 "åtskilda med semikolon eller komma.");
  if (recs.size() - 1 > kMaxLedgerRows)
    return unprocessable("file", "Filen har fler än " + std::to_string(kMaxLedgerRows) + " rader. Dela upp den.");

  std::vector<LedgerRow> rows;
  rows.reserve(recs.size() - 1);
  for (std::size_t r = 1; r < recs.size(); ++r) {
    const auto& rec = recs[r];
    if (rec.size() == 1 && trim(rec[0]).empty()) continue;  // a blank line
    LedgerRow row;
    row.row = static_cast<int>(r);
    auto cell = [&](int c) { return c >= 0 && static_cast<std::size_t>(c) < rec.size() ? trim(rec[c]) : std::string(); };
    const std::string prefix = "Rad " + std::to_string(r) + ": ";
    auto month = parse_month(cell(col_month), "month");
    row.line = lower_ascii(cell(col_line));
    row.unit = cell(col_unit);
    row.note = cell(col_note);
    auto amount = parse_amount(cell(col_amount), "amount");
    bool known_line = std::any_of(default_budget_lines().begin(), default_budget_lines().end(),
                                  [&](const BudgetLineDef& d) { return d.code == row.line || lower_ascii(d.name) == row.line; });
    if (!month) {
      row.error = prefix + "månaden \"" + cell(col_month) + "\" ska skrivas ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.";
    } else if (!known_line) {
      row.error = prefix + "okänd budgetrad \"" + cell(col_line) + "\" (loner, lokaler, resor, kompetens, datorer, ovrigt).";
    } else if (!amount) {
      row.error = prefix + "beloppet \"" + cell(col_amount) + "\": " + amount.error().message;
    } else {
      row.month = *month;
      row.amount = *amount;
      for (const auto& d : default_budget_lines())
        if (lower_ascii(d.name) == row.line) row.line = d.code;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace stegvis
