// The final document (slutdokumentation, domain.md §3.9) as a PDF for the
// participant and the referrer: A4 pages laid out with pango, UTF-8 text in
// DejaVu Sans. Pure: the caller gathers every name and label source first.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/participant.hpp"

namespace stegvis::reports {

struct FinalReportDocument {
  // Who runs the work.
  std::string association;
  std::string programme;
  std::string track;
  std::string unit;
  std::string municipality;
  std::string controller;  // personuppgiftsansvarig part (domain.md §8)
  // Whose path it was, and who took part.
  Enrolment enrolment;
  std::optional<Identity> identity;  // none for anonymous registrations
  std::string referring_party;
  std::string referrer_name;
  std::string staff_name;
  std::optional<Plan> plan;
  std::map<Id, std::string> party_names;  // for the parties responsible for activities
  std::vector<Contact> contacts;
  std::vector<FollowUp> follow_ups;
  std::vector<GoalRating> goal_ratings;
  std::string final_report_due;  // YYYY-MM-DD, three weeks after exit
  std::string printed_on;        // YYYY-MM-DD
};

// The PDF bytes. Long content flows over as many pages as it needs, each
// with the due-date footer and "Sida n av N".
std::string render_final_report_pdf(const FinalReportDocument& doc);

}  // namespace stegvis::reports
