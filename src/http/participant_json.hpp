// JSON of the participant path (api.md): referrals, enrolments, plans and the
// participant page's view. Never names or personal numbers outside
// GET /api/v1/enrolments/{id}.
#pragma once
#include <map>
#include <set>

#include "app/enrolment_service.hpp"
#include "app/services.hpp"
#include "http/json_codec.hpp"

namespace stegvis::http {

// The track codes of the programmes met while answering one request.
class TrackCodes {
 public:
  TrackCodes(app::Services& s, const app::Actor& a) : services_(s), actor_(a) {}
  json code(Id programme_id, Id track_id) {
    if (!loaded_.count(programme_id)) {
      loaded_.insert(programme_id);
      if (auto p = services_.organisation.programme(actor_, programme_id))
        for (const auto& t : p->tracks) codes_[t.id] = t.code;
    }
    auto it = codes_.find(track_id);
    return it == codes_.end() ? json(nullptr) : json(it->second);
  }

 private:
  app::Services& services_;
  const app::Actor& actor_;
  std::set<Id> loaded_;
  std::map<Id, std::string> codes_;
};

json referral_json(const Referral& r, TrackCodes& tracks);
json enrolment_json(const Enrolment& e);
json plan_json(const Plan& p);
json view_json(const app::EnrolmentView& v);

}  // namespace stegvis::http
