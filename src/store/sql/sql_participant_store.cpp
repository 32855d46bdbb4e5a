#include "store/sql/sql_participant_store.hpp"

#include <nlohmann/json.hpp>

#include <sstream>
#include <stdexcept>

#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {

using nlohmann::json;

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}
std::string join_ids(const std::vector<Id>& v) {
  std::string out;
  for (Id i : v) out += (out.empty() ? "" : ",") + std::to_string(i);
  return out;
}
std::vector<Id> split_ids(const std::string& s) {
  std::vector<Id> out;
  for (const auto& p : split_list(s)) out.push_back(std::stoll(p));
  return out;
}

// A nullable text column bound from an empty string.
struct NullableText {
  std::string value;
  soci::indicator ind;
  explicit NullableText(const std::string& v) : value(v), ind(v.empty() ? soci::i_null : soci::i_ok) {}
};

constexpr const char* kReferralCols =
    "SELECT id, programme_id, track_id, unit_id, municipality_id, referring_party_id, referrer_name_sealed, "
    "person_id, anonymous, gender, birth_year, income_sources, coordination_parties, reason_sealed, status, "
    "received_on, intake_on, decided_on, decision_reason, override_reason, version, "
    "(SELECT MIN(e.id) FROM enrolment e WHERE e.referral_id = referral.id) FROM referral ";

constexpr const char* kEnrolmentCols =
    "SELECT id, referral_id, programme_id, track_id, unit_id, municipality_id, person_id, anonymous, gender, "
    "birth_year, start_date, exit_date, outcome, staff_id, income_before, support_duration, education, "
    "occupation_before, income_after, occupation_after, next_step_sealed, final_report_sent_on, final_report_to, "
    "version, purged_on, contact_after_exit, contact_after_exit_on FROM enrolment ";

}  // namespace

const char* SqlParticipantStore::referral_columns() { return kReferralCols; }

const crypto::FieldCipher& SqlParticipantStore::cipher() const {
  if (!cipher_) throw std::runtime_error("no field key: participant data cannot be sealed or opened");
  return *cipher_;
}
std::string SqlParticipantStore::seal(const std::string& plain) const { return plain.empty() ? "" : cipher().seal(plain); }
std::string SqlParticipantStore::open(const std::string& sealed) const {
  if (sealed.empty()) return {};
  auto plain = cipher().open(sealed);
  if (!plain) throw std::runtime_error("a sealed field does not open with this key (wrong key file?)");
  return *plain;
}

Id SqlParticipantStore::create_person(const Identity& identity, std::int64_t now) {
  NullableText index(identity.personal_number.empty() ? "" : cipher().keyed_hash("pn-index", identity.personal_number));
  std::string pn = seal(identity.personal_number), first = seal(identity.first_name), last = seal(identity.last_name),
              contact = seal(identity.contact);
  long long id = 0, at = now;
  sql_ << "INSERT INTO person (pn_index, pn_sealed, first_name_sealed, last_name_sealed, contact_sealed, created_at) "
          "VALUES (:i, :p, :f, :l, :c, :at) RETURNING id",
      soci::use(index.value, index.ind), soci::use(pn), soci::use(first), soci::use(last), soci::use(contact),
      soci::use(at), soci::into(id);
  return id;
}

std::optional<Id> SqlParticipantStore::person_by_personal_number(const std::string& canonical) {
  std::string index = cipher().keyed_hash("pn-index", canonical);
  long long id = 0;
  sql_ << "SELECT id FROM person WHERE pn_index = :i", soci::use(index), soci::into(id);
  if (!sql_.got_data()) return std::nullopt;
  return id;
}

std::optional<Identity> SqlParticipantStore::identity(Id person_id) {
  long long id = person_id;
  TypedRow r("ssss");
  soci::details::prepare_temp_type q =
      (sql_.prepare << "SELECT pn_sealed, first_name_sealed, last_name_sealed, contact_sealed FROM person WHERE id = :id",
       soci::use(id));
  std::optional<Identity> out;
  r.each_row(q, [&] { out = Identity{open(r.text(0)), open(r.text(1)), open(r.text(2)), open(r.text(3))}; });
  return out;
}

void SqlParticipantStore::erase_identity(Id person_id) {
  long long id = person_id;
  sql_ << "UPDATE person SET pn_index = NULL, pn_sealed = '', first_name_sealed = '', last_name_sealed = '', "
          "contact_sealed = '' WHERE id = :id",
      soci::use(id);
}

Id SqlParticipantStore::create_referral(const Referral& r, std::optional<Id> created_by, std::int64_t now) {
  NullableId person(r.person_id), by(created_by);
  NullableText intake(r.intake_on), decided(r.decided_on);
  long long programme = r.programme_id, track = r.track_id, unit = r.unit_id, municipality = r.municipality_id,
            party = r.referring_party_id, birth = r.birth_year, at = now, id = 0;
  int anonymous = r.anonymous ? 1 : 0;
  std::string referrer = seal(r.referrer_name), reason = seal(r.reason), incomes = join(r.income_sources),
              parties = join_ids(r.coordination_parties), decision_reason = seal(r.decision_reason),
              override_reason = seal(r.override_reason);
  sql_ << "INSERT INTO referral (programme_id, track_id, unit_id, municipality_id, referring_party_id, "
          "referrer_name_sealed, person_id, anonymous, gender, birth_year, income_sources, coordination_parties, "
          "reason_sealed, status, received_on, intake_on, decided_on, decision_reason, override_reason, created_by, "
          "created_at) VALUES (:p, :t, :u, :m, :rp, :rn, :pe, :an, :g, :b, :inc, :cp, :re, :st, :rec, :int, :dec, "
          ":dr, :ov, :by, :at) RETURNING id",
      soci::use(programme), soci::use(track), soci::use(unit), soci::use(municipality), soci::use(party),
      soci::use(referrer), soci::use(person.value, person.ind), soci::use(anonymous), soci::use(r.gender),
      soci::use(birth), soci::use(incomes), soci::use(parties), soci::use(reason), soci::use(r.status),
      soci::use(r.received_on), soci::use(intake.value, intake.ind), soci::use(decided.value, decided.ind),
      soci::use(decision_reason), soci::use(override_reason), soci::use(by.value, by.ind), soci::use(at),
      soci::into(id);
  return id;
}

std::vector<Referral> SqlParticipantStore::load_referrals(soci::rowset<soci::row>& rs) {
  std::vector<Referral> out;
  for (const auto& r : rs) {
    Referral x;
    x.id = col_int(r, 0);
    x.programme_id = col_int(r, 1);
    x.track_id = col_int(r, 2);
    x.unit_id = col_int(r, 3);
    x.municipality_id = col_int(r, 4);
    x.referring_party_id = col_int(r, 5);
    x.referrer_name = open(col_str(r, 6));
    x.person_id = col_opt_int(r, 7);
    x.anonymous = col_int(r, 8) != 0;
    x.gender = col_str(r, 9);
    x.birth_year = static_cast<int>(col_int(r, 10));
    x.income_sources = split_list(col_str(r, 11));
    x.coordination_parties = split_ids(col_str(r, 12));
    x.reason = open(col_str(r, 13));
    x.status = col_str(r, 14);
    x.received_on = col_str(r, 15);
    x.intake_on = col_str(r, 16);
    x.decided_on = col_str(r, 17);
    x.decision_reason = open(col_str(r, 18));  // reasons can hold health information: sealed too
    x.override_reason = open(col_str(r, 19));
    x.version = static_cast<int>(col_int(r, 20));
    x.enrolment_id = col_opt_int(r, 21);
    out.push_back(std::move(x));
  }
  return out;
}

std::optional<Referral> SqlParticipantStore::referral(Id id) {
  long long lid = id;
  soci::rowset<soci::row> rs = (sql_.prepare << std::string(kReferralCols) + "WHERE id = :id", soci::use(lid));
  auto v = load_referrals(rs);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<Referral> SqlParticipantStore::referrals(Id unit_id, const std::string& status) {
  long long unit = unit_id;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string(kReferralCols) +
                           "WHERE unit_id = :u AND (:s1 = '' OR status = :s2) ORDER BY received_on DESC, id DESC",
       soci::use(unit), soci::use(status), soci::use(status));
  return load_referrals(rs);
}

bool SqlParticipantStore::update_referral(const Referral& r) {
  NullableText intake(r.intake_on), decided(r.decided_on);
  NullableId person(r.person_id);
  long long id = r.id, version = r.version;
  int anonymous = r.anonymous ? 1 : 0;
  std::string reason = seal(r.reason), decision_reason = seal(r.decision_reason),
              override_reason = seal(r.override_reason);
  soci::statement st =
      (sql_.prepare << "UPDATE referral SET status = :s, intake_on = :i, decided_on = :d, decision_reason = :dr, "
                       "override_reason = :o, person_id = :p, anonymous = :a, reason_sealed = :re, "
                       "version = version + 1 WHERE id = :id AND version = :v",
       soci::use(r.status), soci::use(intake.value, intake.ind), soci::use(decided.value, decided.ind),
       soci::use(decision_reason), soci::use(override_reason), soci::use(person.value, person.ind),
       soci::use(anonymous), soci::use(reason), soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

Id SqlParticipantStore::create_enrolment(const Enrolment& e, std::int64_t now) {
  NullableId referral(e.referral_id), person(e.person_id), staff(e.staff_id);
  NullableText exit(e.exit_date), sent(e.final_report_sent_on);
  long long programme = e.programme_id, track = e.track_id, unit = e.unit_id, municipality = e.municipality_id,
            birth = e.birth_year, at = now, id = 0;
  int anonymous = e.anonymous ? 1 : 0;
  std::string income_before = join(e.income_before), income_after = join(e.income_after), next = seal(e.next_step),
              to = join(e.final_report_to);
  sql_ << "INSERT INTO enrolment (referral_id, programme_id, track_id, unit_id, municipality_id, person_id, anonymous, "
          "gender, birth_year, start_date, exit_date, outcome, staff_id, income_before, support_duration, education, "
          "occupation_before, income_after, occupation_after, next_step_sealed, final_report_sent_on, "
          "final_report_to, created_at) VALUES (:r, :p, :t, :u, :m, :pe, :an, :g, :b, :sd, :ed, :o, :st, :ib, :sup, "
          ":edu, :ob, :ia, :oa, :ns, :fs, :ft, :at) RETURNING id",
      soci::use(referral.value, referral.ind), soci::use(programme), soci::use(track), soci::use(unit),
      soci::use(municipality), soci::use(person.value, person.ind), soci::use(anonymous), soci::use(e.gender),
      soci::use(birth), soci::use(e.start_date), soci::use(exit.value, exit.ind), soci::use(e.outcome),
      soci::use(staff.value, staff.ind), soci::use(income_before), soci::use(e.support_duration),
      soci::use(e.education), soci::use(e.occupation_before), soci::use(income_after), soci::use(e.occupation_after),
      soci::use(next), soci::use(sent.value, sent.ind), soci::use(to), soci::use(at), soci::into(id);
  return id;
}

std::vector<Enrolment> SqlParticipantStore::load_enrolments(soci::details::prepare_temp_type& q) {
  // The kinds of kEnrolmentCols, column by column.
  TypedRow r("iiiiiiiisisssisssssssssisis");
  std::vector<Enrolment> out;
  r.each_row(q, [&] {
    Enrolment e;
    e.id = r.integer(0);
    e.referral_id = r.opt_integer(1);
    e.programme_id = r.integer(2);
    e.track_id = r.integer(3);
    e.unit_id = r.integer(4);
    e.municipality_id = r.integer(5);
    e.person_id = r.opt_integer(6);
    e.anonymous = r.integer(7) != 0;
    e.gender = r.text(8);
    e.birth_year = static_cast<int>(r.integer(9));
    e.start_date = r.text(10);
    e.exit_date = r.text(11);
    e.outcome = r.text(12);
    e.staff_id = r.opt_integer(13);
    e.income_before = split_list(r.text(14));
    e.support_duration = r.text(15);
    e.education = r.text(16);
    e.occupation_before = r.text(17);
    e.income_after = split_list(r.text(18));
    e.occupation_after = r.text(19);
    e.next_step = open(r.text(20));
    e.final_report_sent_on = r.text(21);
    e.final_report_to = split_list(r.text(22));
    e.version = static_cast<int>(r.integer(23));
    e.purged_on = r.text(24);
    e.contact_after_exit = r.integer(25) != 0;
    e.contact_after_exit_on = r.text(26);
    out.push_back(std::move(e));
  });
  return out;
}

std::optional<Enrolment> SqlParticipantStore::enrolment(Id id) {
  long long lid = id;
  soci::details::prepare_temp_type q = (sql_.prepare << std::string(kEnrolmentCols) + "WHERE id = :id", soci::use(lid));
  auto v = load_enrolments(q);
  if (v.empty()) return std::nullopt;
  return v.front();
}

namespace {
// The WHERE names only the filters that are set, so each shape can use its index
// ("(:x = -1 OR col = :x)" hides the column from the planner and scans the table).
// The text is built from fixed fragments; every value is bound.
struct EnrolmentWhere {
  std::string sql;
  std::vector<long long> ids;
  explicit EnrolmentWhere(const EnrolmentFilter& f) {
    auto add = [&](const char* cond) { sql += sql.empty() ? "WHERE " : " AND "; sql += cond; };
    if (f.programme_id) { add("programme_id = :p"); ids.push_back(*f.programme_id); }
    if (f.unit_id) { add("unit_id = :u"); ids.push_back(*f.unit_id); }
    if (f.staff_id) { add("staff_id = :s"); ids.push_back(*f.staff_id); }
    if (f.status == "active") add("exit_date IS NULL");
    if (f.status == "exited") add("exit_date IS NOT NULL");
    sql += " ";
  }
};
}  // namespace

std::vector<Enrolment> SqlParticipantStore::enrolments(const EnrolmentFilter& f, int* total) {
  EnrolmentWhere where(f);
  long long limit = f.limit, offset = f.offset;
  soci::details::prepare_temp_type list =
      (sql_.prepare << std::string(kEnrolmentCols) + where.sql + "ORDER BY start_date DESC, id DESC LIMIT :l OFFSET :o");
  for (auto& id : where.ids) list, soci::use(id);
  list, soci::use(limit), soci::use(offset);
  auto out = load_enrolments(list);
  if (!total) return out;
  // A page that is not full ends the list, so it gives the total: a caseload (one page) needs no count.
  if (static_cast<long long>(out.size()) < limit && (offset == 0 || !out.empty())) {
    *total = static_cast<int>(offset + static_cast<long long>(out.size()));
    return out;
  }
  long long n = 0;
  soci::details::prepare_temp_type count = (sql_.prepare << "SELECT COUNT(*) FROM enrolment " + where.sql);
  count, soci::into(n);
  for (auto& id : where.ids) count, soci::use(id);
  soci::statement st(count);
  st.execute(true);
  *total = static_cast<int>(n);
  return out;
}

bool SqlParticipantStore::update_enrolment(const Enrolment& e) {
  NullableId staff(e.staff_id), person(e.person_id);
  NullableText exit(e.exit_date), sent(e.final_report_sent_on);
  long long id = e.id, version = e.version;
  int anonymous = e.anonymous ? 1 : 0;
  std::string income_before = join(e.income_before), income_after = join(e.income_after), next = seal(e.next_step),
              to = join(e.final_report_to);
  soci::statement st =
      (sql_.prepare << "UPDATE enrolment SET exit_date = :ed, outcome = :o, staff_id = :st, person_id = :pe, "
                       "anonymous = :an, income_before = :ib, support_duration = :sup, education = :edu, "
                       "occupation_before = :ob, income_after = :ia, occupation_after = :oa, next_step_sealed = :ns, "
                       "final_report_sent_on = :fs, final_report_to = :ft, version = version + 1 "
                       "WHERE id = :id AND version = :v",
       soci::use(exit.value, exit.ind), soci::use(e.outcome), soci::use(staff.value, staff.ind),
       soci::use(person.value, person.ind), soci::use(anonymous), soci::use(income_before),
       soci::use(e.support_duration), soci::use(e.education), soci::use(e.occupation_before), soci::use(income_after),
       soci::use(e.occupation_after), soci::use(next), soci::use(sent.value, sent.ind), soci::use(to), soci::use(id),
       soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<Enrolment> SqlParticipantStore::enrolments_of_person(Id person_id) {
  long long p = person_id;
  soci::details::prepare_temp_type q =
      (sql_.prepare << std::string(kEnrolmentCols) + "WHERE person_id = :p ORDER BY start_date", soci::use(p));
  return load_enrolments(q);
}

std::map<Id, int> SqlParticipantStore::caseloads() {
  std::map<Id, int> out;
  soci::rowset<soci::row> rs = (sql_.prepare << "SELECT staff_id, COUNT(*) FROM enrolment WHERE exit_date IS NULL "
                                                "AND staff_id IS NOT NULL GROUP BY staff_id");
  for (const auto& r : rs) out[col_int(r, 0)] = static_cast<int>(col_int(r, 1));
  return out;
}

void SqlParticipantStore::add_consent(Id enrolment_id, const Consent& c, std::optional<Id> by, std::int64_t now) {
  NullableId who(by);
  long long e = enrolment_id, party = c.party_id, at = now;
  int given = c.given ? 1 : 0;
  sql_ << "INSERT INTO consent (enrolment_id, party_id, given, decided_on, recorded_by, recorded_at) "
          "VALUES (:e, :p, :g, :d, :b, :at)",
      soci::use(e), soci::use(party), soci::use(given), soci::use(c.decided_on), soci::use(who.value, who.ind),
      soci::use(at);
}

std::vector<Consent> SqlParticipantStore::consents(Id enrolment_id) {
  long long e = enrolment_id;
  std::vector<Consent> out;
  TypedRow r("iis");
  soci::details::prepare_temp_type q =
      (sql_.prepare << "SELECT party_id, given, decided_on FROM consent WHERE enrolment_id = :e ORDER BY id DESC",
       soci::use(e));
  r.each_row(q, [&] { out.push_back({r.integer(0), r.integer(1) != 0, r.text(2)}); });
  return out;
}

void SqlParticipantStore::add_allocation(Id enrolment_id, Id staff_id, const std::string& date,
                                         const std::string& override_reason, std::optional<Id> by, std::int64_t now) {
  NullableId who(by);
  long long e = enrolment_id, s = staff_id, at = now;
  std::string reason = seal(override_reason);
  sql_ << "INSERT INTO allocation (enrolment_id, staff_id, allocated_on, override_reason, recorded_by, recorded_at) "
          "VALUES (:e, :s, :d, :o, :b, :at)",
      soci::use(e), soci::use(s), soci::use(date), soci::use(reason), soci::use(who.value, who.ind),
      soci::use(at);
}

int SqlParticipantStore::save_plan(Id enrolment_id, const Plan& p, std::optional<Id> by, std::int64_t now) {
  long long e = enrolment_id, at = now, latest = 0;
  soci::indicator ind = soci::i_ok;
  sql_ << "SELECT MAX(version) FROM plan_version WHERE enrolment_id = :e", soci::use(e), soci::into(latest, ind);
  long long version = (ind == soci::i_null ? 0 : latest) + 1;
  json goals = json::array(), activities = json::array();
  for (const auto& g : p.goals) goals.push_back({{"area", g.area}, {"text", g.text}});
  for (const auto& a : p.activities)
    activities.push_back({{"kind", a.kind}, {"text", a.text}, {"start", a.start}, {"end", a.end},
                          {"party_id", a.party_id ? json(*a.party_id) : json(nullptr)}, {"workplace", a.workplace}});
  std::string content = seal(json{{"problem", p.problem}, {"goals", goals}, {"activities", activities},
                                  {"saved_on", p.saved_on}}.dump());
  NullableText next(p.next_follow_up);
  NullableId who(by);
  sql_ << "INSERT INTO plan_version (enrolment_id, version, content_sealed, next_follow_up, saved_by, saved_at) "
          "VALUES (:e, :v, :c, :n, :b, :at)",
      soci::use(e), soci::use(version), soci::use(content), soci::use(next.value, next.ind),
      soci::use(who.value, who.ind), soci::use(at);
  return static_cast<int>(version);
}

std::vector<Plan> SqlParticipantStore::load_plans(Id enrolment_id, bool latest_only) {
  long long e = enrolment_id;
  std::vector<Plan> out;
  TypedRow r("iss");
  soci::details::prepare_temp_type q =
      (sql_.prepare << std::string("SELECT version, content_sealed, next_follow_up FROM plan_version "
                                   "WHERE enrolment_id = :e ORDER BY version DESC") +
                           (latest_only ? " LIMIT 1" : ""),
       soci::use(e));
  r.each_row(q, [&] {
    Plan p;
    p.version = static_cast<int>(r.integer(0));
    // A purged (gallrad) version has no content left.
    const std::string text = open(r.text(1));
    json j = text.empty() ? json::object() : json::parse(text);
    p.problem = j.value("problem", "");
    p.saved_on = j.value("saved_on", "");
    for (const auto& g : j.value("goals", json::array())) p.goals.push_back({g.value("area", ""), g.value("text", "")});
    for (const auto& a : j.value("activities", json::array())) {
      Activity act{a.value("kind", ""), a.value("text", ""), a.value("start", ""), a.value("end", ""), std::nullopt,
                   a.value("workplace", "")};
      if (a.contains("party_id") && a["party_id"].is_number_integer()) act.party_id = a["party_id"].get<Id>();
      p.activities.push_back(act);
    }
    p.next_follow_up = r.text(2);
    out.push_back(std::move(p));
  });
  return out;
}

std::optional<Plan> SqlParticipantStore::plan(Id enrolment_id) {
  auto v = load_plans(enrolment_id, true);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<Plan> SqlParticipantStore::plan_history(Id enrolment_id) { return load_plans(enrolment_id, false); }

Id SqlParticipantStore::add_contact(Id enrolment_id, const Contact& c, const std::string& request_key,
                                    std::int64_t now) {
  if (!request_key.empty()) {
    long long existing = 0;
    sql_ << "SELECT id FROM contact WHERE request_key = :k", soci::use(request_key), soci::into(existing);
    if (sql_.got_data()) return existing;
  }
  NullableText key(request_key);
  NullableId staff(c.staff_id);
  long long e = enrolment_id, minutes = c.minutes, at = now, id = 0;
  std::string note = seal(c.note);
  sql_ << "INSERT INTO contact (enrolment_id, contact_date, kind, minutes, note_sealed, staff_id, request_key, "
          "created_at) VALUES (:e, :d, :k, :m, :n, :s, :rk, :at) RETURNING id",
      soci::use(e), soci::use(c.date), soci::use(c.kind), soci::use(minutes), soci::use(note),
      soci::use(staff.value, staff.ind), soci::use(key.value, key.ind), soci::use(at), soci::into(id);
  return id;
}

std::vector<Contact> SqlParticipantStore::contacts(Id enrolment_id) {
  long long e = enrolment_id;
  std::vector<Contact> out;
  TypedRow r("issisi");
  soci::details::prepare_temp_type q =
      (sql_.prepare << "SELECT id, contact_date, kind, minutes, note_sealed, staff_id FROM contact "
                       "WHERE enrolment_id = :e ORDER BY contact_date DESC, id DESC",
       soci::use(e));
  r.each_row(q, [&] {
    out.push_back({r.integer(0), r.text(1), r.text(2), static_cast<int>(r.integer(3)), open(r.text(4)),
                   r.opt_integer(5)});
  });
  return out;
}

Id SqlParticipantStore::add_follow_up(Id enrolment_id, const FollowUp& f, std::int64_t now) {
  NullableText next(f.next_follow_up);
  NullableId staff(f.staff_id);
  long long e = enrolment_id, at = now, id = 0;
  int with_referrer = f.with_referrer ? 1 : 0;
  std::string note = seal(f.note);
  sql_ << "INSERT INTO follow_up (enrolment_id, follow_up_date, with_referrer, decision, note_sealed, next_follow_up, "
          "staff_id, created_at) VALUES (:e, :d, :w, :dec, :n, :nf, :s, :at) RETURNING id",
      soci::use(e), soci::use(f.date), soci::use(with_referrer), soci::use(f.decision), soci::use(note),
      soci::use(next.value, next.ind), soci::use(staff.value, staff.ind), soci::use(at), soci::into(id);
  return id;
}

std::vector<FollowUp> SqlParticipantStore::follow_ups(Id enrolment_id) {
  long long e = enrolment_id;
  std::vector<FollowUp> out;
  TypedRow r("isisssi");
  soci::details::prepare_temp_type q =
      (sql_.prepare << "SELECT id, follow_up_date, with_referrer, decision, note_sealed, next_follow_up, staff_id "
                       "FROM follow_up WHERE enrolment_id = :e ORDER BY follow_up_date DESC, id DESC",
       soci::use(e));
  r.each_row(q, [&] {
    out.push_back({r.integer(0), r.text(1), r.integer(2) != 0, r.text(3), open(r.text(4)), r.text(5),
                   r.opt_integer(6)});
  });
  return out;
}

void SqlParticipantStore::set_goal_ratings(Id enrolment_id, const std::vector<GoalRating>& ratings) {
  long long e = enrolment_id;
  for (const auto& g : ratings) {
    long long rating = g.rating;
    sql_ << "DELETE FROM goal_rating WHERE enrolment_id = :e AND phase = :p AND area = :a", soci::use(e),
        soci::use(g.phase), soci::use(g.area);
    sql_ << "INSERT INTO goal_rating (enrolment_id, phase, area, rating) VALUES (:e, :p, :a, :r)", soci::use(e),
        soci::use(g.phase), soci::use(g.area), soci::use(rating);
  }
}

std::vector<GoalRating> SqlParticipantStore::goal_ratings(Id enrolment_id) {
  long long e = enrolment_id;
  std::vector<GoalRating> out;
  TypedRow r("ssi");
  soci::details::prepare_temp_type q =
      (sql_.prepare << "SELECT phase, area, rating FROM goal_rating WHERE enrolment_id = :e ORDER BY phase DESC, area",
       soci::use(e));
  r.each_row(q, [&] { out.push_back({r.text(0), r.text(1), static_cast<int>(r.integer(2))}); });
  return out;
}

void SqlParticipantStore::delete_goal_ratings(Id enrolment_id, const std::string& phase) {
  long long e = enrolment_id;
  sql_ << "DELETE FROM goal_rating WHERE enrolment_id = :e AND phase = :p", soci::use(e), soci::use(phase);
}

}  // namespace stegvis::store::sql
