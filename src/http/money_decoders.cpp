// Pure decoders of the money request bodies (api.md "Money"): budgets, their
// approval, a cost, a requisition and its status. In the fuzz table
// (request_decoders()) with the others.
#include "http/request_decoders.hpp"

namespace stegvis::http {
namespace {

// A number (SEK, at most two decimals) or Swedish text ("1 234,50").
std::optional<Error> read_amount(const json& j, const std::string& field, Ore& out, bool required = true) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (!required) return std::nullopt;
    return invalid(field, "Fältet \"" + field + "\" saknas.");
  }
  Result<Ore> r = it->is_number()   ? amount_from_number(it->get<double>(), field)
                  : it->is_string() ? parse_amount(it->get<std::string>(), field)
                                    : Result<Ore>(invalid(field, "\"" + field + "\" ska vara ett belopp i kronor."));
  if (!r) return r.error();
  out = *r;
  return std::nullopt;
}

// An id (number) or a name (text), kept as text for the service to resolve within the programme.
std::optional<Error> read_ref(const json& j, const char* field, std::string& out, bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (!required) return std::nullopt;
    return invalid(field, std::string("Fältet \"") + field + "\" saknas.");
  }
  if (it->is_number_integer()) {
    out = std::to_string(it->get<std::int64_t>());
  } else if (it->is_string()) {
    out = it->get<std::string>();
  } else {
    return invalid(field, std::string("\"") + field + "\" ska vara ett id eller ett namn.");
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> decode_budget(const json& j, Budget& b) {
  Ore frame = 0;
  if (j.contains("frame") && !j["frame"].is_null()) {
    if (auto e = read_amount(j, "frame", frame)) return e;
    b.frame = frame;
  }
  auto it = j.find("lines");
  if (it == j.end() || !it->is_array()) return invalid("lines", "\"lines\" ska vara en lista med budgetrader.");
  if (it->size() > 50) return invalid("lines", "En budget har högst 50 rader.");
  b.lines.clear();
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& l = (*it)[i];
    const std::string field = "lines[" + std::to_string(i) + "]";
    if (!l.is_object()) return invalid(field, "Varje budgetrad ska vara ett objekt med code och amount.");
    BudgetLine line;
    if (auto e = read_string(l, "code", line.code)) return Error{e->code, e->message, field + ".code"};
    if (auto e = read_string(l, "name", line.name, false)) return Error{e->code, e->message, field + ".name"};
    if (line.name.size() > 200) return invalid(field + ".name", "Radens namn får vara högst 200 tecken.");
    if (auto e = read_amount(l, "amount", line.amount)) return Error{e->code, e->message, field + ".amount"};
    b.lines.push_back(std::move(line));
  }
  return std::nullopt;
}

std::optional<Error> decode_budget_approval(const json& j, BudgetApprovalInput& in) {
  if (auto e = read_string(j, "date", in.date, false)) return e;
  return read_string(j, "decided_by", in.decided_by);
}

std::optional<Error> decode_cost(const json& j, app::CostInput& in) {
  if (auto e = read_string(j, "month", in.month)) return e;
  if (auto e = read_string(j, "line", in.line)) return e;
  if (auto e = read_amount(j, "amount", in.amount)) return e;
  if (auto e = read_ref(j, "unit", in.unit, false)) return e;
  return read_string(j, "note", in.note, false);
}

std::optional<Error> decode_requisition(const json& j, RequisitionInput& in) {
  if (auto e = read_ref(j, "unit", in.unit, true)) return e;
  if (auto e = read_string(j, "from", in.from)) return e;
  return read_string(j, "to", in.to);
}

std::optional<Error> decode_requisition_status(const json& j, RequisitionStatusInput& in) {
  if (auto e = read_string(j, "status", in.status)) return e;
  return read_string(j, "date", in.date, false);
}

}  // namespace stegvis::http
