// The start page's "Att göra": the signed-in samordnare's, coach's or
// koordinator's due work, each item linking to its referral or enrolment, and
// the links to the unit's referrals, allocation and participants.
#include "app/referral_service.hpp"
#include "http/participant_pages.hpp"

namespace stegvis::http::participant {
namespace {

// Beyond this the list says how many more there are; the participant lists show the rest.
constexpr std::size_t kMaxTasks = 200;

std::string task_href(const DueItem& d, const std::vector<Id>& units) {
  if (d.kind == "meeting_action") return "/meetings/" + std::to_string(d.meeting_id);
  if (d.kind == "referral_decision") return "/referrals/" + std::to_string(d.referral_id);
  if (d.kind == "budget_not_approved" || d.kind == "requisition_overdue")
    return "/programmes/" + std::to_string(d.programme_id) + "/ekonomi" +
           (d.kind == "requisition_overdue" ? "#rekvisitioner" : "?year=" + std::to_string(d.due.year + 1) + "#budget");
  if (d.kind == "lasting_effect")
    return "/enrolments/" + std::to_string(d.enrolment_id) + "?months=" + std::to_string(d.months) + "#varaktig-effekt";
  if (d.kind == "over_capacity")
    return units.empty() ? "/enrolments"
                         : "/enrolments?unit=" + std::to_string(units.front()) + "&staff=" + std::to_string(d.staff_id);
  return "/enrolments/" + std::to_string(d.enrolment_id);
}

}  // namespace

void add_start_tasks(app::Services& services, PageRenderer& pages, const Request& req, json& view) {
  const auto& actor = *req.actor;
  auto units = coordinated_units(actor);
  bool caseload = has_caseload_role(actor);
  // The förbundschef and the ekonom have money due work (app/money_service.hpp) but no unit.
  const bool money = actor.has_role(Role::forbundschef) || actor.has_role(Role::ekonom);
  if (units.empty() && !caseload && !money) return;

  json links = json::array();
  auto org = load_org(services, actor);
  for (Id u : units) {
    std::string name = org ? (org->unit(u) ? org->unit(u)->name : "") : "";
    std::string id = std::to_string(u);
    links.push_back({{"href", "/units/" + id + "/referrals"}, {"label", pages.text(req, "ref_list_title")}, {"unit", opt_text(name)}});
    links.push_back({{"href", "/units/" + id + "/allocation"}, {"label", pages.text(req, "alloc_title")}, {"unit", opt_text(name)}});
    links.push_back({{"href", "/enrolments?unit=" + id}, {"label", pages.text(req, "enr_list_unit")}, {"unit", opt_text(name)}});
  }
  if (caseload) links.push_back({{"href", "/enrolments"}, {"label", pages.text(req, "enr_list_mine")}, {"unit", false}});

  json section{{"links", links}, {"items", json::array()}};
  auto tasks = services.enrolments.tasks(actor);
  if (!tasks) {
    section["error"] = tasks.error().message;
  } else {
    int overdue = 0;
    for (const auto& d : *tasks) {
      if (d.overdue) ++overdue;
      if (section["items"].size() >= kMaxTasks) continue;
      section["items"].push_back({{"kind", d.kind},
                                  {"kind_label", pages.text(req, "tasks_kind_" + d.kind) +
                                                     (d.months ? " " + std::to_string(d.months) + " " + pages.text(req, "lasting_months_after") : "")},
                                  {"label", d.label},
                                  {"due", to_string(d.due)},
                                  {"overdue", d.overdue},
                                  {"href", task_href(d, units)}});
    }
    section["count"] = tasks->size();
    section["count_one"] = tasks->size() == 1;  // "1 uppgift", "2 uppgifter"
    section["overdue_count"] = overdue ? json(overdue) : json(false);
    section["overdue_one"] = overdue == 1;
    section["has_items"] = !tasks->empty();
    section["more"] = tasks->size() > kMaxTasks ? json(tasks->size() - kMaxTasks) : json(false);
  }
  view["tasks"] = section;
}

}  // namespace stegvis::http::participant
