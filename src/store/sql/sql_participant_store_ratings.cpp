// SQL of the ORS/SRS ratings (table rating, migration 003): items and totals in
// tenths, idempotent inserts on a request key, and the caseload list's summaries
// of many enrolments from one query.
#include <string>
#include <vector>

#include "store/sql/sql_participant_store.hpp"
#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {

constexpr const char* kRatingCols =
    "SELECT id, rating_date, scale, item1, item2, item3, item4, total, staff_id, enrolment_id FROM rating ";

// The kinds of kRatingCols (and of ends_sql's columns, which are the same).
constexpr const char* kRatingKinds = "issiiiiiii";

Rating read_rating(const TypedRow& r) {
  Rating x;
  x.id = r.integer(0);
  x.date = r.text(1);
  x.scale = r.text(2);
  for (std::size_t i = 0; i < 4; ++i) x.items[i] = static_cast<int>(r.integer(3 + i));
  x.total = static_cast<int>(r.integer(7));
  x.staff_id = r.opt_integer(8);
  return x;
}

// Every rating of a list of enrolments in the order of index rating_enrolment (no sort; the index
// holds every column read here, so no row is looked up in the table), the
// first, latest and count per scale taken on the way: a caseload's few ratings each cost far less
// than the window functions (three sorts in temporary b-trees) that picked them out in SQL.
// A fixed number of bound ids (unused ones -1, which no row has) keeps the text the same, so the
// connection keeps it prepared; ids written into the text made every caseload a new statement.
constexpr std::size_t kIdsPerQuery = 32;

const std::string& ends_sql() {
  static const std::string sql = [] {
    std::string ids;
    for (std::size_t i = 0; i < kIdsPerQuery; ++i) ids += (i ? ",:i" : ":i") + std::to_string(i);
    return "SELECT id, rating_date, scale, item1, item2, item3, item4, total, staff_id, enrolment_id FROM rating "
           "WHERE enrolment_id IN (" + ids + ") ORDER BY enrolment_id, scale, rating_date, id";
  }();
  return sql;
}

}  // namespace

Id SqlParticipantStore::add_rating(Id enrolment_id, const Rating& r, const std::string& request_key,
                                   std::int64_t now) {
  NullableId staff(r.staff_id);
  long long e = enrolment_id, at = now, id = 0;
  long long i1 = r.items[0], i2 = r.items[1], i3 = r.items[2], i4 = r.items[3], total = r.total;
  if (request_key.empty()) {
    sql_ << "INSERT INTO rating (enrolment_id, rating_date, scale, item1, item2, item3, item4, total, staff_id, "
            "created_at) VALUES (:e, :d, :s, :i1, :i2, :i3, :i4, :t, :st, :at) RETURNING id",
        soci::use(e), soci::use(r.date), soci::use(r.scale), soci::use(i1), soci::use(i2), soci::use(i3),
        soci::use(i4), soci::use(total), soci::use(staff.value, staff.ind), soci::use(at), soci::into(id);
    return id;
  }
  // A concurrent repeat of the same key waits for the first and then inserts nothing.
  sql_ << "INSERT INTO rating (enrolment_id, rating_date, scale, item1, item2, item3, item4, total, staff_id, "
          "request_key, created_at) VALUES (:e, :d, :s, :i1, :i2, :i3, :i4, :t, :st, :k, :at) "
          "ON CONFLICT (request_key) DO NOTHING RETURNING id",
      soci::use(e), soci::use(r.date), soci::use(r.scale), soci::use(i1), soci::use(i2), soci::use(i3),
      soci::use(i4), soci::use(total), soci::use(staff.value, staff.ind), soci::use(request_key), soci::use(at),
      soci::into(id);
  if (sql_.got_data()) return id;
  sql_ << "SELECT id FROM rating WHERE request_key = :k", soci::use(request_key), soci::into(id);
  return id;
}

std::vector<Rating> SqlParticipantStore::ratings(Id enrolment_id) {
  long long e = enrolment_id;
  std::vector<Rating> out;
  TypedRow r(kRatingKinds);
  soci::details::prepare_temp_type q =
      (sql_.prepare << std::string(kRatingCols) + "WHERE enrolment_id = :e ORDER BY rating_date, id", soci::use(e));
  r.each_row(q, [&] { out.push_back(read_rating(r)); });
  return out;
}

std::map<Id, RatingSummary> SqlParticipantStore::rating_summaries(const std::vector<Id>& enrolment_ids) {
  struct Ends {
    int count = 0;
    Rating first, latest;
  };
  std::map<Id, std::map<std::string, Ends>> ends;
  for (std::size_t from = 0; from < enrolment_ids.size(); from += kIdsPerQuery) {
    std::vector<long long> ids(kIdsPerQuery, -1);
    for (std::size_t i = from; i < std::min(enrolment_ids.size(), from + kIdsPerQuery); ++i)
      ids[i - from] = enrolment_ids[i];
    TypedRow r(kRatingKinds);
    soci::details::prepare_temp_type q = (sql_.prepare << ends_sql());
    for (auto& id : ids) q, soci::use(id);
    r.each_row(q, [&] {
      Rating x = read_rating(r);
      Ends& end = ends[r.integer(9)][x.scale];
      if (end.count++ == 0) end.first = x;
      end.latest = std::move(x);
    });
  }
  std::map<Id, RatingSummary> out;
  for (const auto& [enrolment, scales] : ends) {
    RatingSummary s;
    for (const auto& [code, end] : scales) {
      const RatingScale* scale = find_rating_scale(code);
      if (!scale) continue;
      (scale == &ors_scale() ? s.ors : s.srs) = summarise_scale(*scale, end.count, end.first, end.latest);
    }
    s.no_improvement = no_improvement(s.ors);
    out[enrolment] = s;
  }
  return out;
}

}  // namespace stegvis::store::sql
