#include "store/evaluation_store.hpp"

namespace stegvis::store {

std::string pseudonym_purpose(Id programme_id) { return "pseudonym:" + std::to_string(programme_id); }

std::string pseudonym_subject(bool anonymous, std::optional<Id> person_id, Id enrolment_id) {
  if (anonymous || !person_id) return "enrolment:" + std::to_string(enrolment_id);
  return "person:" + std::to_string(*person_id);
}

}  // namespace stegvis::store
