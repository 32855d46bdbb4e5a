// The programme catalogue (issue #9 §6, seed 003): programmes across
// associations with owner, financing, period, purpose, target group, places,
// goals and results, and the rules of searching it. A search text from a user
// becomes a list of plain word tokens (letters and digits only), so that no
// character of it can reach FTS5's or PostgreSQL's query syntax.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.hpp"
#include "domain/result.hpp"

namespace stegvis {

struct CatalogueEntry {
  Id id = 0;
  std::string name, association, county, owner_provider, financing;
  std::string period_start, period_end;  // as written: YYYY, YYYY-MM or YYYY-MM-DD ("" unknown)
  std::string purpose, target_group, places, goals, results, contact, source_note;
  std::optional<Id> programme_id;  // a programme of this installation: its card links to the live figures
};

struct CatalogueQuery {
  std::vector<std::string> terms;         // from search_terms(q)
  std::vector<std::string> target_terms;  // from search_terms(target_group)
  std::string county;                     // exact
  std::string active_on;                  // YYYY-MM-DD or ""
  int limit = 50, offset = 0;
};

// The words of a search text, lower-cased, at most 8 of at most 40 characters:
// everything but letters (a–z, Latin-1 and Latin Extended-A/B letters) and
// digits separates words, and the operator words AND, OR, NOT and NEAR are dropped. An error (field given) when text was entered but no
// word remains; an empty list for an empty text.
Result<std::vector<std::string>> search_terms(const std::string& text, const std::string& field);

// A light Swedish stem for prefix search where the backend has no stemmer
// (SQLite): common inflection endings are cut while three letters remain,
// so "unga" → "ung" finds "ungdomar", "insatser" → "insats".
std::string search_stem(const std::string& word);

// The FTS5 MATCH expression for the terms: each stem quoted and prefixed ("ung"*),
// all required; target terms limited to the target_group column.
std::string fts5_match(const std::vector<std::string>& terms, const std::vector<std::string>& target_terms);
// The to_tsquery() text for PostgreSQL: "unga:* & sormland:*" (tokens are letters and digits only).
std::string tsquery_text(const std::vector<std::string>& terms);

// The first and last day of a period written YYYY, YYYY-MM or YYYY-MM-DD; "" when empty or unreadable.
std::string period_first_day(const std::string& written);
std::string period_last_day(const std::string& written);
// Active on the day: started on or before it (a known start is needed) and not ended before it.
bool active_on(const CatalogueEntry& e, const std::string& day);

// Required name (≤ 200), other texts ≤ 4000, periods readable and in order.
std::optional<Error> check_catalogue_entry(const CatalogueEntry& e);

}  // namespace stegvis
