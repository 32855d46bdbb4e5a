// A strategy action programme as PDF (goals as headings, each focus area with
// its actors, initiators, status, responsible and latest note, and the
// progress per goal) and as xlsx (through the report writer: progress and items).
#pragma once
#include <string>

#include "domain/strategy.hpp"

namespace stegvis::reports {

std::string strategy_pdf(const Strategy& s, const std::string& printed_on);
std::string strategy_xlsx(const Strategy& s);

}  // namespace stegvis::reports
