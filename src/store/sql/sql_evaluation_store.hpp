// SQL of the evaluator export (store/evaluation_store.hpp).
#pragma once
#include <soci/soci.h>

#include <memory>

#include "crypto/sealed_box.hpp"
#include "store/evaluation_store.hpp"

namespace stegvis::store::sql {

class SqlEvaluationStore final : public EvaluationStore {
 public:
  SqlEvaluationStore(soci::session& s, std::shared_ptr<const crypto::FieldCipher> cipher)
      : sql_(s), cipher_(std::move(cipher)) {}

  std::vector<EvaluationFacts> evaluation_facts(Id programme_id, const std::string& from,
                                                const std::string& to) override;

 private:
  soci::session& sql_;
  std::shared_ptr<const crypto::FieldCipher> cipher_;
};

}  // namespace stegvis::store::sql
