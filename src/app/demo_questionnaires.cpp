// The demo's questionnaires (issue #9): every shipped questionnaire imported
// by the insatsansvarig; two closed rounds of the staff questionnaire for
// Västra (the later one better, so the comparison says something) and one for
// Södra beside the later, a closed team self-evaluation for Västra, and an
// open participant round. Past rounds are written straight to the store (the
// use case refuses a round that has already closed); answers are invented.
#include "app/demo_questionnaires.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "app/questionnaire_import.hpp"
#include "app/questionnaire_service.hpp"
#include "app/referral_service.hpp"
#include "crypto/crypto.hpp"

namespace stegvis::app {
namespace {

constexpr const char* kStaffTexts[] = {
    "Fler gemensamma genomgångar med Arbetsförmedlingen, gärna på plats hos oss.",
    "Kortare väntan på besked från Försäkringskassan om sjukpenning.",
    "En gemensam kontaktlista till alla parter som hålls uppdaterad.",
    "Samverkansteamet fungerar bra när alla parter är med; det är sämre under semestrar.",
    "Regionens psykiatri borde vara med oftare i samverkansteamet.",
};
constexpr const char* kTeamTexts[] = {
    "Vi delar ärenden och stöttar varandra.",
    "Bra kontakt med arbetsgivare i Katrineholm.",
    "Uppföljningarna måste bokas i tid.",
    "Lära mer av avslutade ärenden tillsammans.",
};

// Deterministic dice: the same demo every time.
struct Dice {
  std::uint64_t s = 20251126;
  int roll(int n) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((s >> 33) % static_cast<std::uint64_t>(n));
  }
};

// A value around centre on the item's scale.
int answer(Dice& d, const QuestionItem& item, double centre) {
  const int lo = item.kind == ItemKind::frequency ? 1 : item.min, hi = item.kind == ItemKind::frequency ? 5 : item.max;
  double at = lo + (hi - lo) * centre + (d.roll(3) - 1) * (hi - lo) / 4.0;
  return std::clamp(static_cast<int>(at + 0.5), lo, hi);
}

struct PastRound {
  Id questionnaire;
  std::optional<Id> unit;
  int opens_ago, closes_ago, invitations, responses;
  double centre;  // 0..1 on each item's scale
  const char* const* texts;
  std::size_t text_count;
};

void write_round(store::Store& tx, Id programme, const Date& today, const PastRound& r, Dice& dice, std::int64_t now,
                 std::optional<Id> by) {
  auto q = tx.questionnaires().questionnaire(r.questionnaire);
  if (!q) throw std::runtime_error("demo data: questionnaire missing");
  store::SurveyRound round;
  round.questionnaire_id = q->id;
  round.version_id = q->version_id;
  round.programme_id = programme;
  round.unit_id = r.unit;
  round.opens = to_string(add_days(today, -r.opens_ago));
  round.closes = to_string(add_days(today, -r.closes_ago));
  round.invitations = r.invitations;
  std::vector<std::string> hashes;
  for (int i = 0; i < r.invitations; ++i) hashes.push_back(crypto::hash_hex(crypto::random_token()));
  Id id = tx.questionnaires().create_round(round, hashes, by, now);
  for (int i = 0; i < r.responses; ++i) {
    auto token = tx.questionnaires().token_by_hash(hashes[static_cast<std::size_t>(i)]);
    const int span = std::max(1, r.opens_ago - std::max(r.closes_ago, 0));
    std::string day = to_string(add_days(today, -r.opens_ago + dice.roll(span)));
    if (!token || !tx.questionnaires().consume_token(token->id, day)) throw std::runtime_error("demo data: token");
    std::vector<store::StoredAnswer> answers;
    for (const auto& item : q->items) {
      if (item.kind == ItemKind::text) {
        if (r.texts && dice.roll(3) != 0) answers.push_back({item.key, std::nullopt, r.texts[dice.roll(static_cast<int>(r.text_count))]});
        continue;
      }
      answers.push_back({item.key, answer(dice, item, r.centre), {}});
    }
    tx.questionnaires().add_response(id, day, answers);
  }
}

}  // namespace

Status load_demo_questionnaires(Env& env) {
  Actor lead = system_actor("demo");
  lead.roles = {{Role::insatsansvarig, std::nullopt, std::nullopt, 100}};
  QuestionnaireService service(env);
  std::map<std::string, Id> ids;
  for (const auto& s : shipped_questionnaires()) {
    auto r = service.create(lead, shipped_draft(s.file));
    if (!r) return r.error();
    ids[s.file] = r->id;
  }
  auto tx = env.db.begin(true);
  auto programmes = tx->organisation().programmes();
  if (programmes.empty()) return conflict("Demons enkäter kräver demons organisation (load_demo).");
  const Programme& p = programmes.front();
  std::map<std::string, Id> unit;
  for (const auto& u : p.units) unit[u.name] = u.id;
  if (!unit.count("Västra") || !unit.count("Södra")) return conflict("Demons enkäter kräver länsdelarna Västra och Södra.");
  std::optional<Id> by;
  if (auto s = tx->staff().by_username("insatsansvarig")) by = s->id;
  const Date today = *parse_date(today_string(env));
  Dice dice;
  const Id staff = ids.at("insatspersonal.json"), team = ids.at("team_sjalvvardering.json");
  const std::size_t n_staff = std::size(kStaffTexts), n_team = std::size(kTeamTexts);
  write_round(*tx, p.id, today, {staff, unit["Västra"], 200, 180, 12, 8, 0.45, kStaffTexts, n_staff}, dice, env.now(), by);
  write_round(*tx, p.id, today, {staff, unit["Västra"], 40, 20, 12, 10, 0.7, kStaffTexts, n_staff}, dice, env.now(), by);
  write_round(*tx, p.id, today, {staff, unit["Södra"], 38, 21, 10, 7, 0.55, kStaffTexts, n_staff}, dice, env.now(), by);
  write_round(*tx, p.id, today, {team, unit["Västra"], 30, 23, 8, 6, 0.65, kTeamTexts, n_team}, dice, env.now(), by);
  // Open now, with three answers so far: under 5, so nothing shows yet.
  write_round(*tx, p.id, today, {ids.at("deltagare.json"), unit["Västra"], 5, -25, 20, 3, 0.7, nullptr, 0}, dice,
              env.now(), by);
  tx->commit();
  return done();
}

}  // namespace stegvis::app
