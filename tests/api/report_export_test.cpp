// The period report as files, read by real readers: the .xlsx through
// LibreOffice, the .pdf through pdftotext, the .csv as RFC 4180; and the same
// report from the command line. Every export is suppressed and audited.
#include <gtest/gtest.h>

#include "api/participant_support.hpp"
#include "reports/writer_test_support.hpp"

using namespace stegvis::test;

namespace {

const std::string kQuery = "?from=2024-07-01&to=2024-09-30&group_by=unit";

std::string base() { return "/api/v1/programmes/" + std::to_string(programme_id()) + "/reports/period"; }

// The "Totalt" row of a sheet or CSV block whose first cell is the heading row's "Länsdel".
std::vector<std::string> total_row(const std::vector<std::vector<std::string>>& rows) {
  bool in_volumes = false;
  for (const auto& r : rows) {
    if (!r.empty() && r[0] == "Länsdel" && r.size() > 1 && r[1] == "Aktiva vid periodens start") in_volumes = true;
    if (in_volumes && !r.empty() && r[0] == "Totalt") return r;
  }
  return {};
}

std::string cell(const json& v) { return v.is_string() ? v.get<std::string>() : std::to_string(v.get<int>()); }


// Other suites (the hostile-input ones) may post the admin form that switches suppression off;
// these tests are about the default, so they set it themselves.
void suppression_on() {
  ApiClient admin = logged_in("admin");
  auto r = admin.put("/api/v1/programmes/" + std::to_string(programme_id()) + "/report-settings",
                     {{"suppress_small_cells", true}});
  ASSERT_EQ(r.status, 200) << r.text;
}

}  // namespace

TEST(PeriodReportExport, XlsxPdfAndCsvShowTheJsonFigures) {
  ApiClient insats = logged_in("insatsansvarig");
  auto j = insats.get(base() + kQuery);
  ASSERT_EQ(j.status, 200) << j.text;
  const auto& total = j.body["total"];
  std::vector<std::string> expected{"Totalt", cell(total["active_at_start"]), cell(total["started"]),
                                    cell(total["exited"]), cell(total["active_at_end"])};

  auto x = insats.get(base() + ".xlsx" + kQuery);
  ASSERT_EQ(x.status, 200) << x.text.substr(0, 200);
  EXPECT_NE(x.header("Content-Type").find("spreadsheetml"), std::string::npos);
  EXPECT_NE(x.header("Content-Disposition").find(".xlsx"), std::string::npos);
  auto sheets = xlsx_sheets_via_libreoffice(x.text, {"Volymer"});
  ASSERT_FALSE(sheets.empty());
  auto row = total_row(sheets.front().second);
  ASSERT_GE(row.size(), 5u);
  EXPECT_EQ(std::vector<std::string>(row.begin(), row.begin() + 5), expected);

  auto c = insats.get(base() + ".csv" + kQuery);
  ASSERT_EQ(c.status, 200);
  auto csv_row = total_row(parse_csv(c.text.substr(3), ';'));  // after the BOM
  ASSERT_GE(csv_row.size(), 5u);
  EXPECT_EQ(std::vector<std::string>(csv_row.begin(), csv_row.begin() + 5), expected);

  auto p = insats.get(base() + ".pdf" + kQuery);
  ASSERT_EQ(p.status, 200);
  EXPECT_EQ(p.text.substr(0, 5), "%PDF-");
  if (have_program("pdftotext")) {
    ScratchDir dir;
    write_file(dir.path / "r.pdf", p.text);
    ASSERT_EQ(run("pdftotext -layout " + (dir.path / "r.pdf").string() + " " + (dir.path / "r.txt").string(),
                  dir.path / "log"), 0);
    std::string text = read_file(dir.path / "r.txt");
    EXPECT_NE(text.find("Periodrapport – Sikta mot arbetslivet"), std::string::npos);
    EXPECT_NE(text.find("Avslut per utfall"), std::string::npos);
    EXPECT_NE(text.find("Mål"), std::string::npos);
  }
  ApiClient admin = logged_in("admin");
  auto audit = audit_entries(admin, "action=report.export&user=insatsansvarig");
  ASSERT_GE(audit.size(), 3u);
  EXPECT_NE(audit[0].value("detail", "").find("format"), std::string::npos);
}

TEST(PeriodReportExport, SamordnareExportIsSuppressedThoughThePageIsNot) {
  suppression_on();
  ApiClient s = logged_in("samordnare.vastra");
  auto page = s.get(base() + kQuery);
  ASSERT_EQ(page.status, 200) << page.text;
  EXPECT_FALSE(page.body["suppressed"].get<bool>());
  EXPECT_EQ(page.body["unit"]["name"], "Västra");
  auto csv = s.get(base() + ".csv" + kQuery);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.text.find("Celler med 1–4 personer"), std::string::npos);
}

TEST(PeriodReportExport, CommandLineWritesEveryFormatAndIsAudited) {
  suppression_on();
  ScratchDir dir;
  for (std::string format : {"json", "csv", "xlsx", "pdf"}) {
    auto out = (dir.path / ("r." + format)).string();
    std::string log;
    ASSERT_EQ(run_stegvis({"report", "period", "--db", server().db_url, "--programme", std::to_string(programme_id()),
                           "--from", "2024-01-01", "--to", "2024-12-31", "--group-by", "gender", "--format", format,
                           "--out", out},
                          &log),
              0)
        << log;
    std::string bytes = read_file(out);
    ASSERT_FALSE(bytes.empty()) << format;
    if (format == "json") {
      auto j = json::parse(bytes);
      EXPECT_TRUE(j["suppressed"].get<bool>());
      EXPECT_EQ(j["group_by"], "gender");
    }
  }
  std::string log;
  EXPECT_NE(run_stegvis({"report", "period", "--db", server().db_url, "--programme", std::to_string(programme_id()),
                         "--from", "2024-12-31", "--to", "2024-01-01", "--format", "json", "--out",
                         (dir.path / "bad.json").string()},
                        &log),
            0);
  ApiClient admin = logged_in("admin");
  auto audit = audit_entries(admin, "action=report.export&user=system:cli");
  EXPECT_GE(audit.size(), 4u);
}
