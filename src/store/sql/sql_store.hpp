// One unit of work over one pooled SOCI connection, with the SQL
// repositories that share its transaction.
#pragma once
#include <soci/soci.h>

#include <mutex>

#include "store/sql/dialect.hpp"
#include "store/sql/sql_audit_store.hpp"
#include "store/sql/sql_catalogue_store.hpp"
#include "store/sql/sql_evaluation_store.hpp"
#include "store/sql/sql_financing_store.hpp"
#include "store/sql/sql_governance_store.hpp"
#include "store/sql/sql_money_store.hpp"
#include "store/sql/sql_organisation_store.hpp"
#include "store/sql/sql_participant_store.hpp"
#include "store/sql/sql_questionnaire_store.hpp"
#include "store/sql/sql_report_store.hpp"
#include "store/sql/sql_session_store.hpp"
#include "store/sql/sql_staff_store.hpp"
#include "store/store.hpp"

namespace stegvis::store::sql {

class SqlStore final : public Store {
 public:
  // writer_lock (SQLite): held from before the connection is leased until commit or rollback.
  SqlStore(soci::connection_pool& pool, const Dialect& dialect, bool write,
           std::shared_ptr<const crypto::FieldCipher> cipher, std::timed_mutex* writer_lock = nullptr);
  ~SqlStore() override;
  SqlStore(const SqlStore&) = delete;
  SqlStore& operator=(const SqlStore&) = delete;

  OrganisationStore& organisation() override { return organisation_; }
  StaffStore& staff() override { return staff_; }
  SessionStore& sessions() override { return sessions_; }
  AuditStore& audit() override { return audit_; }
  ParticipantStore& participants() override { return participants_; }
  EvaluationStore& evaluation() override { return evaluation_; }
  ReportStore& reports() override { return reports_; }
  FinancingStore& financing() override { return financing_; }
  GovernanceStore& governance() override { return governance_; }
  MoneyStore& money() override { return money_; }
  QuestionnaireStore& questionnaires() override { return questionnaires_; }
  CatalogueStore& catalogue() override { return catalogue_; }
  LastingEffectStore& lasting_effects() override { return lasting_effects_; }
  void commit() override;

 private:
  std::unique_lock<std::timed_mutex> writer_;  // first: taken before a connection is leased
  soci::session session_;
  const Dialect& dialect_;
  bool open_ = false;
  SqlOrganisationStore organisation_;
  SqlStaffStore staff_;
  SqlSessionStore sessions_;
  SqlAuditStore audit_;
  SqlParticipantStore participants_;
  SqlEvaluationStore evaluation_;
  SqlReportStore reports_;
  SqlFinancingStore financing_;
  SqlGovernanceStore governance_;
  SqlMoneyStore money_;
  SqlQuestionnaireStore questionnaires_;
  SqlCatalogueStore catalogue_;
  SqlLastingEffectStore lasting_effects_;
};

}  // namespace stegvis::store::sql
