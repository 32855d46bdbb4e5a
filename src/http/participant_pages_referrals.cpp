// A unit's referrals (aktualiseringar): the list with a status filter and
// counts, and the form that enters a new referral (domain.md §3.1).
#include <map>

#include "app/participant_access.hpp"
#include "app/referral_service.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "http/participant_pages.hpp"

namespace stegvis::http {
namespace {

using participant::json;
using participant::Org;

const char* const kStatuses[] = {"received", "intake_booked", "waiting_list", "accepted", "declined"};

json referral_row(PageRenderer& pages, const Request& req, const Org& org, const Referral& r) {
  const Track* track = org.track(r.track_id);
  return {{"id", r.id},
          {"received_on", r.received_on},
          {"track", track ? track->name : ""},
          {"municipality", org.municipality_name(r.municipality_id)},
          {"referring_party", org.party_name(r.referring_party_id)},
          {"referrer_name", r.referrer_name},
          {"anonymous", r.anonymous},
          {"gender", label_of(genders(), r.gender)},
          {"birth_year", r.birth_year},
          {"status", r.status},
          {"status_label", pages.text(req, "ref_status_" + r.status)},
          {"open", r.status == "received" || r.status == "intake_booked" || r.status == "waiting_list"},
          {"enrolment_id", r.enrolment_id ? json(*r.enrolment_id) : json(false)}};
}

json referral_form(PageRenderer& pages, const Request& req, const Org& org, const Programme& p, const Unit& u,
                   const app::ReferralInput& in) {
  json tracks = json::array();
  for (const auto& t : p.tracks) tracks.push_back({{"value", t.code}, {"label", t.name}, {"selected", t.code == in.track}});
  json municipalities = json::array();
  municipalities.push_back({{"value", ""}, {"label", pages.text(req, "choose")}, {"selected", in.municipality_id == 0}});
  for (const auto& m : u.municipalities)
    municipalities.push_back({{"value", std::to_string(m.id)}, {"label", m.name}, {"selected", m.id == in.municipality_id}});
  auto referring = options(org.parties, in.referring_party_id ? std::optional<Id>(in.referring_party_id) : std::nullopt,
                           pages.text(req, "choose"));
  return {{"tracks", tracks},
          {"municipalities", municipalities},
          {"referring_parties", referring},
          {"referrer_name", in.referrer_name},
          {"anonymous", in.anonymous},
          {"personal_number", in.personal_number},
          {"first_name", in.first_name},
          {"last_name", in.last_name},
          {"contact", in.contact},
          {"genders", participant::term_options(genders(), in.gender, pages.text(req, "choose"))},
          {"birth_year", in.birth_year ? std::to_string(in.birth_year) : ""},
          {"income_sources", participant::term_checks(income_sources(), in.income_sources, "inc")},
          {"coordination_parties", participant::party_checks(org.parties, in.coordination_parties, "coord")},
          {"reason", in.reason},
          {"received_on", in.received_on}};
}

app::ReferralInput read_referral(const Request& req, const Programme& p) {
  app::ReferralInput in;
  in.programme_id = p.id;
  in.track = req.form_value("track");
  in.municipality_id = form_id(req.form_value("municipality_id")).value_or(0);
  in.referring_party_id = form_id(req.form_value("referring_party_id")).value_or(0);
  in.referrer_name = req.form_value("referrer_name");
  in.anonymous = participant::form_checked(req, "anonymous");
  in.personal_number = req.form_value("personal_number");
  in.first_name = req.form_value("first_name");
  in.last_name = req.form_value("last_name");
  in.contact = req.form_value("contact");
  in.gender = req.form_value("gender");
  in.birth_year = participant::form_int(req.form_value("birth_year"), 0);
  in.income_sources = participant::form_values(req, "income_sources");
  in.coordination_parties = participant::form_ids(req, "coordination_parties");
  in.reason = req.form_value("reason");
  in.received_on = req.form_value("received_on");
  return in;
}

// The unit of the path, its programme and the organisation names; an error page when one is missing.
struct UnitContext {
  Org org;
  const Unit* unit = nullptr;
  const Programme* programme = nullptr;
};

std::optional<Response> load_unit(app::Services& services, PageRenderer& pages, Request& req, UnitContext& ctx) {
  auto id = parse_id(req.params["id"]);
  if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
  auto org = participant::load_org(services, *req.actor);
  if (!org) return error_response(pages, req, org.error());
  ctx.org = std::move(*org);
  ctx.unit = ctx.org.unit(*id);
  if (!ctx.unit) return pages.error_page(req, 404, pages.text(req, "not_found"));
  ctx.programme = ctx.org.programme(ctx.unit->programme_id);
  return std::nullopt;
}

Response new_referral_page(PageRenderer& pages, const Request& req, const UnitContext& ctx,
                          const app::ReferralInput& in, const Error* error, int status) {
  json view{{"title", pages.text(req, "ref_new_title") + " – " + ctx.unit->name},
            {"unit", {{"id", ctx.unit->id}, {"name", ctx.unit->name}}},
            {"programme", ctx.programme->name},
            {"may_list", app::coordinates_unit(*req.actor, ctx.unit->id)},
            {"created", req.query_value("created").empty() ? json(false) : json(req.query_value("created"))},
            {"form", referral_form(pages, req, ctx.org, *ctx.programme, *ctx.unit, in)}};
  if (error) view["error"] = participant::error_view(*error);
  return participant::render_page(pages, req, "ref_new", std::move(view), status);
}

}  // namespace

void add_referral_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/units/{id}/referrals", Auth::session, false, [&services, &pages](Request& req) {
    UnitContext ctx;
    if (auto r = load_unit(services, pages, req, ctx)) return *r;
    std::string status = req.query_value("status");
    auto all = services.referrals.list(*req.actor, ctx.unit->id, "");
    if (!all) return error_response(pages, req, all.error());
    std::map<std::string, int> counts;
    json rows = json::array();
    for (const auto& r : *all) {  // newest first, as the store sorts them
      ++counts[r.status];
      if (status.empty() || r.status == status) rows.push_back(referral_row(pages, req, ctx.org, r));
    }
    std::string base = "/units/" + std::to_string(ctx.unit->id) + "/referrals";
    json filters = json::array();
    filters.push_back({{"href", base}, {"label", pages.text(req, "ref_status_all")}, {"count", all->size()},
                       {"current", status.empty()}});
    for (const char* s : kStatuses)
      filters.push_back({{"href", base + "?status=" + s}, {"label", pages.text(req, std::string("ref_status_") + s)},
                         {"count", counts[s]}, {"current", status == s}});
    json view{{"title", pages.text(req, "ref_list_title") + " – " + ctx.unit->name},
              {"unit", {{"id", ctx.unit->id}, {"name", ctx.unit->name}}},
              {"programme", ctx.programme->name},
              {"filters", filters},
              {"rows", rows},
              {"count", rows.size()},
              {"has_rows", !rows.empty()}};
    return participant::render_page(pages, req, "ref_list", std::move(view));
  });

  router.add("GET", "/units/{id}/referrals/new", Auth::session, false, [&services, &pages](Request& req) {
    UnitContext ctx;
    if (auto r = load_unit(services, pages, req, ctx)) return *r;
    if (!app::may_enter_referral(*req.actor, ctx.unit->id))
      return error_response(pages, req, app::deny_participant_access(services.env, *req.actor, "unit", ctx.unit->id));
    app::ReferralInput in;
    if (!ctx.programme->tracks.empty()) in.track = ctx.programme->tracks.front().code;
    in.received_on = app::today_string(services.env);
    return new_referral_page(pages, req, ctx, in, nullptr, 200);
  });

  router.add("POST", "/units/{id}/referrals/new", Auth::session, false, [&services, &pages](Request& req) {
    UnitContext ctx;
    if (auto r = load_unit(services, pages, req, ctx)) return *r;
    auto in = read_referral(req, *ctx.programme);
    auto r = services.referrals.create(*req.actor, in);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden) return error_response(pages, req, r.error());
      return new_referral_page(pages, req, ctx, in, &r.error(), status_for(r.error().code));
    }
    if (app::coordinates_unit(*req.actor, ctx.unit->id))
      return Response::redirect("/referrals/" + std::to_string(*r) + "?saved=created");
    // A samverkansteam member may enter referrals but not read them afterwards.
    return Response::redirect("/units/" + std::to_string(ctx.unit->id) + "/referrals/new?created=" + std::to_string(*r));
  });
}

}  // namespace stegvis::http
