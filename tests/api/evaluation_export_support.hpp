// The evaluator export's API fixture: two small programmes built through the
// API (a returning person, an anonymous enrolment, starts and exits on the
// period's boundaries, an exit after it, enrolments outside it), ORS/SRS rows
// written straight into the rating table, and the export's expected rows
// computed independently with SQL of the test's own and the installation key.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "api/server_fixture.hpp"

namespace stegvis::test {

struct EvaluationFixture {
  std::int64_t programme = 0, other_programme = 0;
  std::string from, to;
  std::string returning_pn;                 // the person enrolled twice in programme, once in other_programme
  std::vector<std::string> identifying;     // every name, number, contact and free text the fixture entered
  std::int64_t first_enrolment = 0, second_enrolment = 0, other_enrolment = 0;
};

// Built once per test run (through the API as admin and a samordnare of the new units).
const EvaluationFixture& evaluation_fixture();

// The column names of the export, written out here as the contract.
const std::vector<std::string>& expected_columns();

// Expected rows for the programme and period, field by field as the CSV writes them, keyed by
// "pseudonym start_date". Computed with SQL of the test's own (correlated sub-queries), not the product's.
std::map<std::string, std::vector<std::string>> expected_rows(std::int64_t programme, const std::string& from,
                                                              const std::string& to);

// The pseudonym made independently from the key file.
std::string expected_pseudonym(std::int64_t programme, const std::string& subject);

// Every personal number and "first last" name held in the database (opened with the key).
std::vector<std::string> all_identities();

// Parses the export's CSV (BOM, ';') into records.
std::vector<std::vector<std::string>> parse_export_csv(const std::string& body);

}  // namespace stegvis::test
