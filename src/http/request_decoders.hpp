// Pure decoders of the JSON request bodies of /api/v1: JSON in, a use case's
// input (or an Error naming the field) out. No services, no I/O: the names a
// body may use for parties and municipalities come through Lookups, so that
// the routes and the fuzz targets (fuzz/) run exactly the same code.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/enrolment_service.hpp"
#include "app/strategy_service.hpp"
#include "domain/catalogue.hpp"
#include "domain/lasting_effect.hpp"
#include "app/financing_service.hpp"
#include "app/governance_service.hpp"
#include "app/plan_service.hpp"
#include "app/questionnaire_service.hpp"
#include "app/money_service.hpp"
#include "app/organisation_service.hpp"
#include "app/rating_service.hpp"
#include "app/referral_service.hpp"
#include "http/json_codec.hpp"

namespace stegvis::http {

// The vocabularies a body may name by id or exact name, loaded on first use.
struct Lookups {
  std::function<Result<std::vector<Party>>()> parties;
  std::function<Result<std::vector<Municipality>>()> municipalities;
};

struct ConsentInput {
  std::vector<Id> parties;
  std::string date;
  bool given = false;
};
struct AllocationInput {
  Id staff_id = 0;
  std::string override_reason;
};
struct FinalReportSentInput {
  std::string date;
  std::vector<std::string> to;
};
struct StaffInput {
  Staff staff;
  std::string password;  // only on create
};
struct Credentials {
  std::string username, password;
};
struct TokenInput {
  std::string username, name;
};

// Participant path (api.md "Participant path").
std::optional<Error> decode_referral(const json& j, const Lookups& lookups, app::ReferralInput& in);
std::optional<Error> decode_decision(const json& j, app::DecisionInput& in);
std::optional<Error> decode_consent(const json& j, const Lookups& lookups, ConsentInput& in);
std::optional<Error> decode_allocation(const json& j, AllocationInput& in);
// "version" is the plan version the client read; -1 (untouched) when absent.
std::optional<Error> decode_plan(const json& j, const Lookups& lookups, Plan& plan, int& expected_version);
std::optional<Error> decode_contact(const json& j, Contact& c);
std::optional<Error> decode_follow_up(const json& j, FollowUp& f);
std::optional<Error> decode_exit(const json& j, app::ExitInput& in);
std::optional<Error> decode_final_report_sent(const json& j, FinalReportSentInput& in);

// Organisation, staff and session.
std::optional<Error> decode_association(const json& j, Association& a);
std::optional<Error> decode_party(const json& j, Party& p);
std::optional<Error> decode_municipality(const json& j, Municipality& m);
std::optional<Error> decode_programme(const json& j, Programme& p);
std::optional<Error> decode_track(const json& j, Track& t);
std::optional<Error> decode_unit(const json& j, const Lookups& lookups, app::UnitInput& u);
// with_login: a new member of staff (username and password too); else an update.
std::optional<Error> decode_staff(const json& j, bool with_login, StaffInput& in);
std::optional<Error> decode_password(const json& j, std::string& password);
std::optional<Error> decode_credentials(const json& j, Credentials& c);
std::optional<Error> decode_token(const json& j, TokenInput& t);
std::optional<Error> decode_personal_number_search(const json& j, std::string& personal_number);
std::optional<Error> decode_rating(const json& j, app::RatingInput& in);  // ORS/SRS
std::optional<Error> decode_goal_ratings(const json& j, std::string& phase, std::vector<GoalRating>& out);

// Money: the staffing financing agreement and allocation-key scenarios (financing_decoders.cpp).
struct ScenarioInput {
  std::string name;
  double population_weight = 0, socioeconomic_weight = 0;
};
std::optional<Error> decode_financing(const json& j, const Lookups& lookups, std::vector<app::FinancingInput>& rows);
std::optional<Error> decode_scenario(const json& j, ScenarioInput& in);
// Governance (api.md "Governance and learning").
std::optional<Error> decode_meeting(const json& j, app::MeetingInput& in);
std::optional<Error> decode_minutes(const json& j, app::MinutesInput& in);
std::optional<Error> decode_member(const json& j, app::MemberInput& in);
std::optional<Error> decode_plan_version(const json& j, PlanVersion& v);
// required = false (an update): absent fields keep the item's values.
std::optional<Error> decode_activity(const json& j, bool required, ActivityItem& item);
struct DiaryInput {
  DiaryEntry entry;
  bool acknowledge_names = false;
};
std::optional<Error> decode_diary(const json& j, DiaryInput& in);
// {"sections": {"<code>": text}}
std::optional<Error> decode_annual_sections(const json& j, std::map<std::string, std::string>& texts);
// Money (api.md "Money", money_decoders.cpp). Amounts are SEK as numbers (at most
// two decimals) or as text written the Swedish way ("1 234,50").
struct BudgetApprovalInput {
  std::string date, decided_by;
};
struct RequisitionInput {
  std::string unit, from, to;
};
struct RequisitionStatusInput {
  std::string status, date;
};
std::optional<Error> decode_budget(const json& j, Budget& b);
std::optional<Error> decode_budget_approval(const json& j, BudgetApprovalInput& in);
std::optional<Error> decode_cost(const json& j, app::CostInput& in);
std::optional<Error> decode_requisition(const json& j, RequisitionInput& in);
std::optional<Error> decode_requisition_status(const json& j, RequisitionStatusInput& in);

// Questionnaires (questionnaire_decoders.cpp): a definition or import, a round, a respondent's answers.
std::optional<Error> decode_questionnaire(const json& j, QuestionnaireDraft& d);
std::optional<Error> decode_survey_round(const json& j, app::RoundInput& in);
std::optional<Error> decode_answers(const json& j, std::map<std::string, AnswerValue>& out);
// Learning from the work (issue #9, learning_decoders.cpp).
struct ContactAfterExitInput {
  bool given = false;
  std::string date;
};
std::optional<Error> decode_catalogue_entry(const json& j, CatalogueEntry& e);
std::optional<Error> decode_strategy_item(const json& j, app::ItemUpdate& in);
std::optional<Error> decode_contact_after_exit(const json& j, ContactAfterExitInput& in);
std::optional<Error> decode_lasting_effect(const json& j, LastingEffect& e);

// Every decoder above under its name, decoding into a throwaway value: the fuzz
// target runs them all. A new decoder belongs both above and in this table.
struct NamedDecoder {
  const char* name;
  std::function<std::optional<Error>(const json&, const Lookups&)> decode;
};
const std::vector<NamedDecoder>& request_decoders();

}  // namespace stegvis::http
