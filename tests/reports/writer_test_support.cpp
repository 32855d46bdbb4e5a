#include "reports/writer_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace stegvis::test {

using reports::Chart;
using reports::ReportDocument;
using reports::ReportTable;
using reports::TableCell;

ReportDocument sample_report() {
  ReportDocument doc;
  doc.title = "Periodrapport för Steg för steg";
  doc.subtitle = "Insats Vägen vidare · 2026-07-01 – 2026-09-30 · per länsdel";

  ReportTable units;
  units.title = "Volymer per länsdel";
  units.sheet = "Per länsdel";
  units.headings = {"Länsdel", "Aktiva vid periodens start", "Startade", "Avslutade", "Andel kvinnor"};
  units.rows = {
      {TableCell::of_text("Katrineholm–Vingåker"), TableCell::number(1234567), TableCell::number(12),
       TableCell::hidden(), TableCell::percent(45.5)},
      {TableCell::of_text("Flen; \"Öster\""), TableCell::number(7), TableCell::hidden(), TableCell::number(0),
       TableCell::percent(100)},
      {TableCell::of_text("=SUMMA(B3:B4)"), TableCell::number(187.25), TableCell::number(5), TableCell::number(9),
       TableCell::none()},
      {TableCell::of_text("Summa"), TableCell::number(1234761.25), TableCell::number(17), TableCell::number(9),
       TableCell::percent(33.3)},
  };
  units.note = "Celler under 5 personer visas som <5.";
  doc.tables.push_back(units);

  ReportTable outcomes;
  outcomes.title = "Avslut per utfall och åldersgrupp";
  outcomes.sheet = "Utfall: avslut/tid per kön och åldersgrupp";  // forbidden characters, 42 characters
  outcomes.headings = {"Åldersgrupp", "Arbete", "Studier", "Arbetssökande", "Avbrott"};
  outcomes.rows = {{TableCell::of_text("18–24"), TableCell::number(11), TableCell::hidden(), TableCell::number(6),
                    TableCell::number(0)},
                   {TableCell::of_text("+46 går före"), TableCell::number(-3), TableCell::number(2500),
                    TableCell::hidden(), TableCell::number(8)}};
  doc.tables.push_back(outcomes);

  ReportTable clash = outcomes;  // the same wanted sheet name: must become unique
  clash.title = "Avslut per utfall, föregående period";
  doc.tables.push_back(clash);

  ReportTable months;
  months.title = "Inflöde per vecka";
  months.sheet = "Inflöde";
  months.headings = {"Vecka", "Startade", "Avslutade", "Andel med plan inom 30 dagar"};
  for (int w = 1; w <= 90; ++w)
    months.rows.push_back({TableCell::of_text("Vecka " + std::to_string(w)), TableCell::number(w * 3),
                           w % 7 == 0 ? TableCell::hidden() : TableCell::number(w % 11),
                           TableCell::percent(50.0 + w / 10.0)});
  doc.tables.push_back(months);

  Chart chart;
  chart.kind = "bar";
  chart.title = "Startade och avslutade per månad";
  chart.labels = {"juli", "augusti", "september"};
  chart.series = {{"Startade", {12, std::nullopt, 9}}, {"Avslutade", {4, 6, 11}}};
  chart.reference_value = 10;
  chart.reference_label = "Målnivå";
  doc.charts.push_back(chart);
  Chart ors;
  ors.kind = "line";
  ors.title = "ORS över tid";
  ors.labels = {"1", "2", "3", "4"};
  ors.series = {{"ORS", {18.5, 22, std::nullopt, 27.5}}, {"SRS", {34, 36.5, 38, 39}}};
  ors.reference_value = 25;
  ors.reference_label = "Klinisk gräns";
  ors.y_max = 40;
  doc.charts.push_back(ors);
  Chart stacked;
  stacked.kind = "stacked";
  stacked.title = "Avslut per utfall";
  stacked.labels = {"Katrineholm", "Flen"};
  stacked.series = {{"Arbete", {3, 5}}, {"Studier", {2, 1}}};
  doc.charts.push_back(stacked);

  doc.notes = {"Uppgifterna gäller inskrivningar som var aktiva någon dag under perioden.",
               "Ålder räknas vid start i insatsen."};
  return doc;
}

ScratchDir::ScratchDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "stegvis-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp");
  path = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path, ignored);
}

void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int run(const std::string& command, const std::filesystem::path& log) {
  std::string full = command + " >'" + log.string() + "' 2>&1";
  int status = std::system(full.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool have_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

std::vector<std::vector<std::string>> parse_csv(const std::string& text, char separator) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = any = true;
    } else if (c == separator) {
      row.push_back(field);
      field.clear();
      any = true;
    } else if (c == '\r') {
      continue;
    } else if (c == '\n') {
      if (any || !field.empty()) row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      any = false;
    } else {
      field += c;
    }
  }
  if (any || !field.empty()) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::pair<std::string, std::vector<std::vector<std::string>>>> xlsx_sheets_via_libreoffice(
    const std::string& xlsx_bytes, const std::vector<std::string>& sheet_names) {
  std::vector<std::pair<std::string, std::vector<std::vector<std::string>>>> out;
  if (!have_program("libreoffice")) {
    ADD_FAILURE() << "libreoffice is not installed: the .xlsx cannot be checked by a real reader "
                     "(apt-get install libreoffice-calc-nogui)";
    return out;
  }
  ScratchDir dir;
  write_file(dir.path / "rapport.xlsx", xlsx_bytes);
  // Field ',' quote '"' UTF-8, raw values (token 9 false), every sheet to its own file (token 12 = -1);
  // a private profile, so that parallel runs do not share a lock.
  std::string command = "cd '" + dir.path.string() +
                        "' && HOME='" + dir.path.string() + "' timeout 180 libreoffice --headless --norestore "
                        "-env:UserInstallation=file://" + (dir.path / "profile").string() +
                        " --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' "
                        "--outdir '" + dir.path.string() + "' rapport.xlsx";
  int status = run(command, dir.path / "lo.log");
  if (status != 0) {
    ADD_FAILURE() << "libreoffice failed (" << status << "): " << read_file(dir.path / "lo.log");
    return out;
  }
  for (const auto& name : sheet_names) {
    auto file = dir.path / ("rapport-" + name + ".csv");
    if (!std::filesystem::exists(file)) {
      ADD_FAILURE() << "LibreOffice wrote no sheet '" << name << "': " << read_file(dir.path / "lo.log");
      continue;
    }
    out.emplace_back(name, parse_csv(read_file(file), ','));
  }
  return out;
}

}  // namespace stegvis::test
