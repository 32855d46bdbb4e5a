#include "domain/catalogue.hpp"

#include <array>

#include "domain/date.hpp"
#include "domain/validation.hpp"

namespace stegvis {
namespace {

constexpr std::size_t kMaxTerms = 8;
constexpr std::size_t kMaxTermChars = 40;

// Decodes one UTF-8 code point at s[i] (valid UTF-8 is checked at the edge); advances i.
char32_t next_code_point(const std::string& s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
  if (extra < 0) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

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

// Letters and digits the Swedish catalogue uses; anything else (quotes, *, -, (, ', ^, :, …) separates words.
bool is_word_char(char32_t c) {
  if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9')) return true;
  return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}

char32_t lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && c % 2 == 0) return c + 1;  // Latin Extended-A pairs
  return c;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Result<std::vector<std::string>> search_terms(const std::string& text, const std::string& field) {
  std::vector<std::string> out;
  std::string word;
  std::size_t chars = 0;
  auto flush = [&] {
    // The query languages' operators are syntax, not something to look for.
    bool op = word == "and" || word == "or" || word == "not" || word == "near";
    if (!word.empty() && !op && out.size() < kMaxTerms) out.push_back(word);
    word.clear();
    chars = 0;
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = next_code_point(text, i);
    if (!is_word_char(c)) {
      flush();
      continue;
    }
    if (chars++ < kMaxTermChars) append_utf8(word, lower(c));
  }
  flush();
  bool entered = text.find_first_not_of(" \t\r\n") != std::string::npos;
  if (out.empty() && entered)
    return invalid(field, "Sökningen innehåller inga ord att söka på. Skriv ett eller flera ord med bokstäver eller "
                          "siffror, till exempel \"unga\" eller \"Sörmland\".");
  return out;
}

std::string search_stem(const std::string& word) {
  // Longest first; a cut must leave at least three characters (å, ä, ö count as two bytes: compare bytes + slack).
  static const std::array<const char*, 16> kEndings{"arnas", "ernas", "arna", "erna", "orna", "ande", "ende",
                                                     "are", "ast", "ar", "er", "or", "en", "na", "a", "e"};
  for (const char* e : kEndings) {
    std::string ending(e);
    if (ends_with(word, ending) && utf8_length(word) - ending.size() >= 3) return word.substr(0, word.size() - ending.size());
  }
  return word;
}

std::string fts5_match(const std::vector<std::string>& terms, const std::vector<std::string>& target_terms) {
  // Tokens hold letters and digits only, so a double-quoted string cannot be broken out of.
  std::string out;
  for (const auto& t : terms) out += (out.empty() ? "" : " AND ") + std::string("\"") + search_stem(t) + "\"*";
  for (const auto& t : target_terms)
    out += (out.empty() ? "" : " AND ") + std::string("target_group : \"") + search_stem(t) + "\"*";
  return out;
}

std::string tsquery_text(const std::vector<std::string>& terms) {
  std::string out;
  for (const auto& t : terms) out += (out.empty() ? "" : " & ") + t + ":*";
  return out;
}

std::string period_first_day(const std::string& w) {
  if (w.size() == 4 && parse_date(w + "-01-01")) return w + "-01-01";
  if (w.size() == 7 && parse_date(w + "-01")) return w + "-01";
  if (w.size() == 10 && parse_date(w)) return w;
  return "";
}

std::string period_last_day(const std::string& w) {
  if (w.size() == 4 && parse_date(w + "-12-31")) return w + "-12-31";
  if (w.size() == 7)
    if (auto d = parse_date(w + "-01")) return to_string(add_days(add_months(*d, 1), -1));
  if (w.size() == 10 && parse_date(w)) return w;
  return "";
}

bool active_on(const CatalogueEntry& e, const std::string& day) {
  std::string from = period_first_day(e.period_start), to = period_last_day(e.period_end);
  return !from.empty() && from <= day && (to.empty() || to >= day);
}

std::optional<Error> check_catalogue_entry(const CatalogueEntry& e) {
  if (auto err = check_text("name", e.name, 200)) return err;
  const std::array<std::pair<const char*, const std::string*>, 12> texts{{
      {"association", &e.association}, {"county", &e.county}, {"owner_provider", &e.owner_provider},
      {"financing", &e.financing}, {"purpose", &e.purpose}, {"target_group", &e.target_group},
      {"places", &e.places}, {"goals", &e.goals}, {"results", &e.results}, {"contact", &e.contact},
      {"source_note", &e.source_note}, {"period_start", &e.period_start}}};
  for (const auto& [field, value] : texts)
    if (auto err = check_text(field, *value, 4000, false)) return err;
  for (const auto& [field, value] : {std::pair{"period_start", &e.period_start}, std::pair{"period_end", &e.period_end}})
    if (!value->empty() && period_first_day(*value).empty())
      return invalid(field, "Skriv perioden som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.");
  if (!e.period_start.empty() && !e.period_end.empty() &&
      period_last_day(e.period_end) < period_first_day(e.period_start))
    return invalid("period_end", "Perioden kan inte sluta innan den börjar.");
  return std::nullopt;
}

}  // namespace stegvis
