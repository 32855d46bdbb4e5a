// All use cases of the product, wired to one environment. The HTTP layer and
// the command line hold one of these and nothing else of the application.
#pragma once
#include "app/access_request_service.hpp"
#include "app/answer_service.hpp"
#include "app/annual_report_service.hpp"
#include "app/audit_service.hpp"
#include "app/auth_service.hpp"
#include "app/catalogue_service.hpp"
#include "app/diary_service.hpp"
#include "app/enrolment_service.hpp"
#include "app/env.hpp"
#include "app/evaluation_export_service.hpp"
#include "app/financing_service.hpp"
#include "app/lasting_effect_service.hpp"
#include "app/governance_service.hpp"
#include "app/money_service.hpp"
#include "app/organisation_service.hpp"
#include "app/plan_service.hpp"
#include "app/questionnaire_service.hpp"
#include "app/rating_service.hpp"
#include "app/referral_service.hpp"
#include "app/report_service.hpp"
#include "app/retention_service.hpp"
#include "app/staff_service.hpp"
#include "app/strategy_service.hpp"

namespace stegvis::app {

struct Services {
  explicit Services(Env e)
      : env(std::move(e)),
        auth(env),
        organisation(env),
        staff(env),
        audit(env),
        referrals(env),
        enrolments(env),
        evaluation_export(env),
        ratings(env),
        reports(env),
        retention(env),
        access_requests(env),
        financing(env),
        governance(env),
        plans(env),
        diaries(env),
        annual_reports(env),
        money(env),
        questionnaires(env),
        answers(env),
        catalogue(env),
        strategies(env),
        lasting_effects(env) {}
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  Env env;
  AuthService auth;
  OrganisationService organisation;
  StaffService staff;
  AuditService audit;
  ReferralService referrals;
  EnrolmentService enrolments;
  EvaluationExportService evaluation_export;
  RatingService ratings;
  ReportService reports;
  RetentionService retention;
  AccessRequestService access_requests;
  FinancingService financing;
  GovernanceService governance;
  PlanService plans;
  DiaryService diaries;
  AnnualReportService annual_reports;
  MoneyService money;
  QuestionnaireService questionnaires;
  AnswerService answers;
  CatalogueService catalogue;
  StrategyService strategies;
  LastingEffectService lasting_effects;
};

}  // namespace stegvis::app
