#include "store/sql/sql_questionnaire_store.hpp"

#include <algorithm>

#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {

std::vector<Questionnaire> SqlQuestionnaireStore::query(const std::string& where, long long id) {
  std::vector<Questionnaire> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT q.id, q.name, q.respondent_group, q.description, v.id, v.version, "
                       "(SELECT COUNT(*) FROM survey_round r WHERE r.version_id = v.id) "
                       "FROM questionnaire q JOIN questionnaire_version v "
                       "ON v.questionnaire_id = q.id AND v.version = q.current_version " +
                           where + " ORDER BY q.name, q.id",
       soci::use(id));
  for (const auto& r : rs) {
    Questionnaire q;
    q.id = col_int(r, 0);
    q.name = col_str(r, 1);
    q.group = col_str(r, 2);
    q.description = col_str(r, 3);
    q.version_id = col_int(r, 4);
    q.version = static_cast<int>(col_int(r, 5));
    q.frozen = col_int(r, 6) > 0;
    out.push_back(std::move(q));
  }
  for (auto& q : out) q.items = items(q.version_id);
  return out;
}

std::vector<Questionnaire> SqlQuestionnaireStore::questionnaires() { return query("WHERE :id = 0", 0); }

std::optional<Questionnaire> SqlQuestionnaireStore::questionnaire(Id id) {
  auto v = query("WHERE q.id = :id", id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

void SqlQuestionnaireStore::insert_items(long long version_id, const std::vector<QuestionItem>& items) {
  long long position = 0;
  for (const auto& i : items) {
    ++position;
    std::string kind = to_code(i.kind);
    long long lo = i.kind == ItemKind::frequency ? 1 : i.min, hi = i.kind == ItemKind::frequency ? 5 : i.max;
    long long required = i.required ? 1 : 0;
    sql_ << "INSERT INTO questionnaire_item (version_id, position, item_key, text, kind, min_value, max_value, "
            "min_label, max_label, required) VALUES (:v, :p, :k, :t, :kind, :lo, :hi, :ll, :hl, :r)",
        soci::use(version_id), soci::use(position), soci::use(i.key), soci::use(i.text), soci::use(kind),
        soci::use(lo), soci::use(hi), soci::use(i.min_label), soci::use(i.max_label), soci::use(required);
  }
}

Id SqlQuestionnaireStore::create_questionnaire(const QuestionnaireDraft& d, std::optional<Id> by, std::int64_t now) {
  NullableId who(by);
  long long at = now, id = 0, version_id = 0;
  sql_ << "INSERT INTO questionnaire (name, respondent_group, description, current_version, created_by, created_at) "
          "VALUES (:n, :g, :d, 1, :b, :a) RETURNING id",
      soci::use(d.name), soci::use(d.group), soci::use(d.description), soci::use(who.value, who.ind), soci::use(at),
      soci::into(id);
  sql_ << "INSERT INTO questionnaire_version (questionnaire_id, version, created_at) VALUES (:q, 1, :a) RETURNING id",
      soci::use(id), soci::use(at), soci::into(version_id);
  insert_items(version_id, d.items);
  return id;
}

void SqlQuestionnaireStore::update_fields(Id id, const QuestionnaireDraft& d) {
  long long q = id;
  sql_ << "UPDATE questionnaire SET name = :n, respondent_group = :g, description = :d WHERE id = :id",
      soci::use(d.name), soci::use(d.group), soci::use(d.description), soci::use(q);
}

void SqlQuestionnaireStore::replace_items(Id version_id, const std::vector<QuestionItem>& items) {
  long long v = version_id;
  sql_ << "DELETE FROM questionnaire_item WHERE version_id = :v", soci::use(v);
  insert_items(v, items);
}

int SqlQuestionnaireStore::add_version(Id questionnaire_id, const std::vector<QuestionItem>& items, std::int64_t now) {
  long long q = questionnaire_id, at = now, version = 0, version_id = 0;
  sql_ << "SELECT current_version FROM questionnaire WHERE id = :q", soci::use(q), soci::into(version);
  ++version;
  sql_ << "INSERT INTO questionnaire_version (questionnaire_id, version, created_at) VALUES (:q, :v, :a) RETURNING id",
      soci::use(q), soci::use(version), soci::use(at), soci::into(version_id);
  insert_items(version_id, items);
  sql_ << "UPDATE questionnaire SET current_version = :v WHERE id = :q", soci::use(version), soci::use(q);
  return static_cast<int>(version);
}

std::vector<QuestionItem> SqlQuestionnaireStore::items(Id version_id) {
  long long v = version_id;
  std::vector<QuestionItem> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT item_key, text, kind, min_value, max_value, min_label, max_label, required "
                       "FROM questionnaire_item WHERE version_id = :v ORDER BY position",
       soci::use(v));
  for (const auto& r : rs) {
    QuestionItem i;
    i.key = col_str(r, 0);
    i.text = col_str(r, 1);
    i.kind = item_kind_from_code(col_str(r, 2)).value_or(ItemKind::text);
    i.min = static_cast<int>(col_int(r, 3));
    i.max = static_cast<int>(col_int(r, 4));
    i.min_label = col_str(r, 5);
    i.max_label = col_str(r, 6);
    i.required = col_int(r, 7) != 0;
    out.push_back(std::move(i));
  }
  return out;
}

Id SqlQuestionnaireStore::create_round(const SurveyRound& r, const std::vector<std::string>& token_hashes,
                                       std::optional<Id> by, std::int64_t now) {
  NullableId who(by), unit(r.unit_id);
  long long q = r.questionnaire_id, v = r.version_id, p = r.programme_id, n = r.invitations, at = now, id = 0;
  sql_ << "INSERT INTO survey_round (questionnaire_id, version_id, programme_id, unit_id, opens, closes, invitations, "
          "created_by, created_at) VALUES (:q, :v, :p, :u, :o, :c, :n, :b, :a) RETURNING id",
      soci::use(q), soci::use(v), soci::use(p), soci::use(unit.value, unit.ind), soci::use(r.opens),
      soci::use(r.closes), soci::use(n), soci::use(who.value, who.ind), soci::use(at), soci::into(id);
  std::string hash;
  soci::statement st = (sql_.prepare << "INSERT INTO survey_token (round_id, token_hash) VALUES (:r, :h)",
                        soci::use(id), soci::use(hash));
  for (const auto& h : token_hashes) {
    hash = h;
    st.execute(true);
  }
  return id;
}

std::vector<SurveyRound> SqlQuestionnaireStore::query_rounds(const std::string& where, long long id) {
  std::vector<SurveyRound> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT r.id, r.questionnaire_id, r.version_id, v.version, r.programme_id, r.unit_id, r.opens, "
                       "r.closes, r.invitations, (SELECT COUNT(*) FROM survey_response s WHERE s.round_id = r.id) "
                       "FROM survey_round r JOIN questionnaire_version v ON v.id = r.version_id " +
                           where + " ORDER BY r.opens, r.id",
       soci::use(id));
  for (const auto& row : rs) {
    SurveyRound r;
    r.id = col_int(row, 0);
    r.questionnaire_id = col_int(row, 1);
    r.version_id = col_int(row, 2);
    r.version = static_cast<int>(col_int(row, 3));
    r.programme_id = col_int(row, 4);
    r.unit_id = col_opt_int(row, 5);
    r.opens = col_str(row, 6);
    r.closes = col_str(row, 7);
    r.invitations = static_cast<int>(col_int(row, 8));
    r.responses = col_int(row, 9);
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<SurveyRound> SqlQuestionnaireStore::round(Id id) {
  auto v = query_rounds("WHERE r.id = :id", id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<SurveyRound> SqlQuestionnaireStore::rounds(Id questionnaire_id) {
  return query_rounds("WHERE r.questionnaire_id = :id", questionnaire_id);
}

std::optional<SurveyToken> SqlQuestionnaireStore::token_by_hash(const std::string& token_hash) {
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, round_id, used_on FROM survey_token WHERE token_hash = :h", soci::use(token_hash));
  for (const auto& r : rs) return SurveyToken{col_int(r, 0), col_int(r, 1), col_str(r, 2)};
  return std::nullopt;
}

bool SqlQuestionnaireStore::consume_token(Id token_id, const std::string& day) {
  long long id = token_id;
  soci::statement st = (sql_.prepare << "UPDATE survey_token SET used_on = :d WHERE id = :id AND used_on = ''",
                        soci::use(day), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void SqlQuestionnaireStore::add_response(Id round_id, const std::string& day, const std::vector<StoredAnswer>& answers) {
  long long round = round_id, response = 0;
  sql_ << "INSERT INTO survey_response (round_id, answered_on) VALUES (:r, :d) RETURNING id", soci::use(round),
      soci::use(day), soci::into(response);
  // Tallies in one order (item, value) in every transaction, so concurrent answers never deadlock.
  std::vector<StoredAnswer> sorted = answers;
  std::sort(sorted.begin(), sorted.end(), [](const StoredAnswer& a, const StoredAnswer& b) { return a.item_key < b.item_key; });
  for (const auto& a : sorted) {
    long long value = a.value.value_or(0);
    soci::indicator value_ind = a.value ? soci::i_ok : soci::i_null;
    soci::indicator text_ind = a.value ? soci::i_null : soci::i_ok;
    sql_ << "INSERT INTO survey_answer (response_id, round_id, item_key, value, text_value) VALUES (:s, :r, :k, :v, :t)",
        soci::use(response), soci::use(round), soci::use(a.item_key), soci::use(value, value_ind),
        soci::use(a.text, text_ind);
  }
  for (const auto& a : sorted) {
    long long value = a.value.value_or(0);  // a free text counts under 0
    sql_ << "INSERT INTO survey_tally (round_id, item_key, value, answers) VALUES (:r, :k, :v, 1) "
            "ON CONFLICT (round_id, item_key, value) DO UPDATE SET answers = survey_tally.answers + 1",
        soci::use(round), soci::use(a.item_key), soci::use(value);
  }
}

std::int64_t SqlQuestionnaireStore::response_count(Id round_id) {
  long long r = round_id, n = 0;
  sql_ << "SELECT COUNT(*) FROM survey_response WHERE round_id = :r", soci::use(r), soci::into(n);
  return n;
}

std::vector<Tally> SqlQuestionnaireStore::tallies(Id round_id) {
  long long r = round_id;
  std::vector<Tally> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT item_key, value, answers FROM survey_tally WHERE round_id = :r ORDER BY item_key, value",
       soci::use(r));
  for (const auto& row : rs) out.push_back({col_str(row, 0), static_cast<int>(col_int(row, 1)), col_int(row, 2)});
  return out;
}

std::vector<FreeText> SqlQuestionnaireStore::free_texts(Id round_id, int limit) {
  long long r = round_id;
  std::vector<std::string> keys;
  {
    soci::rowset<soci::row> rs = (sql_.prepare << "SELECT DISTINCT item_key FROM survey_tally WHERE round_id = :r "
                                                  "AND value = 0 ORDER BY item_key",
                                  soci::use(r));
    for (const auto& row : rs) keys.push_back(col_str(row, 0));
  }
  std::vector<FreeText> out;
  long long n = limit;
  for (const auto& k : keys) {
    soci::rowset<soci::row> rs =
        (sql_.prepare << "SELECT text_value FROM survey_answer WHERE round_id = :r AND item_key = :k AND "
                         "text_value IS NOT NULL ORDER BY text_value LIMIT :n",
         soci::use(r), soci::use(k), soci::use(n));
    for (const auto& row : rs) out.push_back({k, col_str(row, 0)});
  }
  return out;
}

}  // namespace stegvis::store::sql
