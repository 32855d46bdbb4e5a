// Storage interfaces. The application layer sees only these; one SQL
// implementation (store/sql) serves SQLite and PostgreSQL through SOCI.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.hpp"
#include "store/catalogue_store.hpp"
#include "store/evaluation_store.hpp"
#include "store/financing_store.hpp"
#include "store/governance_store.hpp"
#include "store/money_store.hpp"
#include "store/participant_store.hpp"
#include "store/questionnaire_store.hpp"
#include "store/records.hpp"
#include "store/report_store.hpp"

namespace stegvis::store {

class OrganisationStore {
 public:
  virtual ~OrganisationStore() = default;
  virtual std::optional<Association> association() = 0;
  virtual Id save_association(const Association& a) = 0;  // insert when id == 0

  virtual std::vector<Party> parties() = 0;
  virtual std::optional<Party> party(Id id) = 0;
  virtual std::optional<Party> party_by_name(const std::string& name) = 0;
  virtual Id save_party(const Party& p) = 0;

  virtual std::vector<Municipality> municipalities() = 0;
  virtual std::optional<Municipality> municipality(Id id) = 0;
  virtual std::optional<Municipality> municipality_by_name(const std::string& name) = 0;
  virtual Id save_municipality(const Municipality& m) = 0;

  // Programmes come with their tracks and units (each with municipalities).
  virtual std::vector<Programme> programmes() = 0;
  virtual std::optional<Programme> programme(Id id) = 0;
  virtual Id save_programme(const Programme& p) = 0;  // fields only, not tracks/units

  virtual std::optional<Track> track(Id id) = 0;
  virtual Id save_track(const Track& t) = 0;

  virtual std::optional<Unit> unit(Id id) = 0;
  virtual std::vector<Unit> units() = 0;
  virtual Id save_unit(const Unit& u) = 0;  // fields and the list of municipalities
};

class StaffStore {
 public:
  virtual ~StaffStore() = default;
  virtual Id create(const Staff& s, const std::string& password_hash, std::int64_t now) = 0;
  virtual void update(const Staff& s) = 0;  // replaces roles
  virtual std::optional<Staff> get(Id id) = 0;
  virtual std::optional<Staff> by_username(const std::string& username) = 0;
  // All staff, or those with a role in the unit.
  virtual std::vector<Staff> list(std::optional<Id> unit_id) = 0;
  virtual std::optional<Credentials> credentials(const std::string& username) = 0;
  virtual void set_password(Id id, const std::string& hash) = 0;
  virtual void set_disabled(Id id, bool disabled) = 0;
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  virtual void create(const SessionRow& s) = 0;
  virtual std::optional<SessionRow> find(const std::string& id_hash) = 0;
  virtual void touch(const std::string& id_hash, std::int64_t now) = 0;
  virtual void remove(const std::string& id_hash) = 0;
  virtual void remove_for_user(Id user_id) = 0;
  virtual void remove_idle(std::int64_t last_seen_before) = 0;

  // Failed logins, keyed "user:<name>" or "addr:<ip>", for throttling.
  virtual void record_failure(const std::string& key, std::int64_t at) = 0;
  virtual int failures_since(const std::string& key, std::int64_t since) = 0;
  virtual void clear_failures(const std::string& key) = 0;

  virtual Id create_token(Id user_id, const std::string& name, const std::string& token_hash, std::int64_t now) = 0;
  virtual std::optional<ApiTokenRow> token_by_hash(const std::string& token_hash) = 0;
  virtual std::optional<ApiTokenRow> token(Id id) = 0;
  virtual std::vector<ApiTokenRow> tokens() = 0;
  virtual void revoke_token(Id id, std::int64_t now) = 0;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;
  // Serialises appenders for the rest of the transaction, then returns the last entry's hash.
  virtual std::string lock_and_last_hash() = 0;
  virtual Id append(const AuditEntry& e) = 0;
  virtual std::vector<AuditEntry> search(const AuditFilter& f, int* total) = 0;
  // Every entry in id order, for verifying the chain.
  virtual void scan(const std::function<bool(const AuditEntry&)>& visit) = 0;
};

// One unit of work: one connection, one transaction. Destroying it without
// commit() rolls back, so an error path never stores anything half-way.
class Store {
 public:
  virtual ~Store() = default;
  virtual OrganisationStore& organisation() = 0;
  virtual StaffStore& staff() = 0;
  virtual SessionStore& sessions() = 0;
  virtual AuditStore& audit() = 0;
  virtual ParticipantStore& participants() = 0;
  virtual EvaluationStore& evaluation() = 0;
  virtual ReportStore& reports() = 0;
  virtual FinancingStore& financing() = 0;
  virtual GovernanceStore& governance() = 0;
  virtual MoneyStore& money() = 0;
  virtual QuestionnaireStore& questionnaires() = 0;
  virtual CatalogueStore& catalogue() = 0;
  virtual LastingEffectStore& lasting_effects() = 0;
  virtual void commit() = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual std::string backend() const = 0;  // "sqlite" or "postgresql"
  // write = true takes the write lock up front (SQLite BEGIN IMMEDIATE), so
  // a transaction never fails half-way on an upgrade from reader to writer.
  virtual std::unique_ptr<Store> begin(bool write) = 0;
  // Applies pending migrations; returns the schema version now in force.
  virtual int migrate() = 0;
  virtual int schema_version() = 0;
  // True when the database holds no organisation yet (demo may load).
  virtual bool is_empty() = 0;
  // The installation key that seals identifying fields; needed before any participant data is touched.
  virtual void set_field_key(const std::string& key32) = 0;
};

// "sqlite:PATH" or "postgresql://user:pw@host:port/db". Throws std::runtime_error
// with a message naming the problem when the URL or the connection is bad.
std::unique_ptr<Database> open_database(const std::string& url, int pool_size = 8);

// libpq keywords ("host='h' port='5432' dbname='d' ...") for a postgresql:// URL.
// SOCI re-tokenises its connect string as key=value pairs, which breaks libpq's URI form.
std::string postgresql_keywords(const std::string& url);

}  // namespace stegvis::store
