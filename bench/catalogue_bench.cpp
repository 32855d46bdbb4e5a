// stegvis_catalogue_bench: the programme catalogue at the scale (#9
// "Performance"): 10 000 generated programmes, then searches through the
// product's use case (CatalogueService::search: word sanitising, FTS5 MATCH
// on SQLite or tsvector @@ tsquery on PostgreSQL, filters, count and page),
// each the median of 25 runs. Goal: every search under 50 ms. Prints figures
// and a summary line for bench/run.sh; never fails on a timing.
//   stegvis_catalogue_bench <database url: sqlite:PATH or postgresql://…, without catalogue entries>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <stdexcept>
#include <iostream>
#include <string>
#include <vector>

#include "app/catalogue_service.hpp"
#include "store/store.hpp"

namespace {

using namespace stegvis;
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

constexpr int kEntries = 10'000, kRuns = 25;

const char* kCounties[] = {"Stockholms län", "Uppsala län", "Södermanlands län", "Östergötlands län",
                           "Jönköpings län", "Kronobergs län", "Kalmar län", "Gotlands län", "Blekinge län",
                           "Skåne län", "Hallands län", "Västra Götalands län", "Värmlands län", "Örebro län",
                           "Västmanlands län", "Dalarnas län", "Gävleborgs län", "Västernorrlands län",
                           "Jämtlands län", "Västerbottens län", "Norrbottens län"};
const char* kGroups[] = {"Unga vuxna 18–29 år som varken arbetar eller studerar",
                         "Ungdomar som står långt ifrån arbetsmarknaden",
                         "Nyanlända med behov av samordnat stöd",
                         "Personer med psykisk ohälsa och försörjningsstöd",
                         "Personer med neuropsykiatrisk funktionsnedsättning",
                         "Sjukskrivna utan sjukpenninggrundande inkomst",
                         "Långtidsarbetslösa med aktivitetsersättning"};
const char* kWords[] = {"arbetsträning", "studier", "coachning", "praktik", "hälsa", "samverkan", "motivation",
                        "kartläggning", "arbetsprövning", "friskvård", "vägledning", "socialt företag"};
const char* kNames[] = {"Steget", "Vägen", "Bron", "Nystart", "Kompassen", "Språnget", "Framåt", "Fokus", "Ankaret",
                        "Trappan"};

double median_ms(const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < kRuns; ++i) {
    auto start = Clock::now();
    f();
    t.push_back(ms_since(start));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: stegvis_catalogue_bench <database url>\n";
    return 2;
  }
  auto db = store::open_database(argv[1], 4);
  db->migrate();
  app::Env env{*db, [] { return std::int64_t{1'750'000'000}; }, {}};  // 2025-06-15
  {
    auto tx = db->begin(false);
    int existing = 0;
    tx->catalogue().search({}, &existing);
    if (existing) {
      std::cerr << "the database already holds catalogue entries\n";
      return 2;
    }
  }
  auto setup = Clock::now();
  {
    auto tx = db->begin(true);
    for (int i = 0; i < kEntries; ++i) {
      CatalogueEntry e;
      e.name = std::string(kNames[i % 10]) + " " + std::to_string(i + 1);
      e.county = kCounties[(i * 5) % 21];
      e.association = "Samordningsförbundet " + std::to_string(i % 80 + 1);
      e.owner_provider = i % 3 ? "Kommunens arbetsmarknadsenhet" : "Arbetsförmedlingen";
      e.financing = "Förbundets medel";
      int year = 2010 + i % 16;
      e.period_start = std::to_string(year) + "-01-01";
      e.period_end = i % 5 == 0 ? "" : std::to_string(year + 1 + i % 3) + "-12-31";
      e.target_group = kGroups[(i * 3) % 7];
      e.purpose = std::string("Stödja deltagarna genom ") + kWords[i % 12] + " och " + kWords[(i * 5) % 12] +
                  " mot arbete eller studier.";
      e.goals = std::to_string(40 + i % 40) + " % av deltagarna går vidare till arbete eller studier.";
      tx->catalogue().save_entry(e, std::nullopt, 1);
    }
    tx->commit();
  }
  std::printf("%s: %d programmes generated in %.1f s\n", db->backend().c_str(), kEntries, ms_since(setup) / 1000);

  app::CatalogueService service(env);
  app::Actor reader = app::system_actor("catalogue-bench");
  reader.roles = {{Role::samordnare, 1, {}, 100}};
  struct Case {
    const char* label;
    app::CatalogueSearch in;
  };
  const std::vector<Case> cases{
      {"q=unga (prefix, many matches)", {"unga", "", "", "", 50, 0}},
      {"q=Sörmland", {"Södermanlands", "", "", "", 50, 0}},
      {"q=unga arbetsträning", {"unga arbetsträning", "", "", "", 50, 0}},
      {"q with syntax: \"unga\" NEAR(*) (hälsa)", {"\"unga\" NEAR(*) (hälsa)", "", "", "", 50, 0}},
      {"target_group=nyanlända", {"", "nyanlända", "", "", 50, 0}},
      {"county=Örebro län", {"", "", "Örebro län", "", 50, 0}},
      {"active_on=2025-06-15", {"", "", "", "2025-06-15", 50, 0}},
      {"q=studier + county + active, page 3", {"studier", "", "Skåne län", "2024-03-01", 50, 100}},
      {"no filter, page 100", {"", "", "", "", 50, 4950}},
  };
  double worst = 0;
  for (const auto& c : cases) {
    int total = 0;
    double ms = median_ms([&] {
      auto r = service.search(&reader, c.in);
      if (!r) throw std::runtime_error(r.error().message);
      total = r->total;
    });
    worst = std::max(worst, ms);
    std::printf("  %-40s %6d matches %8.2f ms\n", c.label, total, ms);
  }
  std::printf("catalogue: backend=%s entries=%d worst_ms=%.2f goal_ms=50\n", db->backend().c_str(), kEntries, worst);
  return 0;
}
