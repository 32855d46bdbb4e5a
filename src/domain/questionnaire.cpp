#include "domain/questionnaire.hpp"

#include <algorithm>
#include <set>

#include "domain/small_cells.hpp"
#include "domain/validation.hpp"

namespace stegvis {
namespace {

// The same fault as check_text finds, but 422 with the path in the message.
std::optional<Error> text_rule(const std::string& path, const std::string& value, std::size_t max, bool required) {
  if (auto e = check_text(path, value, max, required)) return unprocessable(path, path + ": " + e->message);
  return std::nullopt;
}

bool valid_key(const std::string& k) {
  if (k.empty() || k.size() > 40) return false;
  return std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::string quoted_item(std::size_t index, const QuestionItem& item) {
  std::string text = item.text;
  if (utf8_length(text) > 60) {
    std::size_t cut = 0, n = 0;
    while (cut < text.size() && n < 57) {
      ++cut;
      while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
      ++n;
    }
    text = text.substr(0, cut) + "…";
  }
  return "fråga " + std::to_string(index + 1) + " (”" + text + "”)";
}

}  // namespace

std::string to_code(ItemKind k) {
  switch (k) {
    case ItemKind::scale: return "scale";
    case ItemKind::frequency: return "frequency";
    case ItemKind::text: return "text";
  }
  return "scale";
}

std::optional<ItemKind> item_kind_from_code(const std::string& code) {
  if (code == "scale") return ItemKind::scale;
  if (code == "frequency") return ItemKind::frequency;
  if (code == "text") return ItemKind::text;
  return std::nullopt;
}

const std::vector<std::string>& respondent_groups() {
  static const std::vector<std::string> all{"deltagare_pagaende", "deltagare_avslutade", "insatspersonal",
                                            "styrgrupp",          "chefer",              "remittenter",
                                            "team"};
  return all;
}

std::string respondent_group_label(const std::string& code) {
  static const std::map<std::string, std::string> labels{
      {"deltagare_pagaende", "Deltagare, pågående"}, {"deltagare_avslutade", "Deltagare, avslutade"},
      {"insatspersonal", "Insatspersonal"},          {"styrgrupp", "Styrgrupp"},
      {"chefer", "Chefer i samverkan"},              {"remittenter", "Remittenter"},
      {"team", "Team (självvärdering)"}};
  auto it = labels.find(code);
  return it == labels.end() ? code : it->second;
}

const std::vector<std::string>& frequency_labels() {
  static const std::vector<std::string> all{"Aldrig", "Sällan", "Ibland", "Ofta", "Alltid"};
  return all;
}

std::string value_label(const QuestionItem& item, int value) {
  if (item.kind == ItemKind::frequency)
    return value >= 1 && value <= 5 ? frequency_labels()[static_cast<std::size_t>(value - 1)] : "";
  if (value == item.min) return item.min_label;
  if (value == item.max) return item.max_label;
  return "";
}

std::optional<Error> check_questionnaire(const QuestionnaireDraft& d) {
  if (auto e = text_rule("name", d.name, 200, true)) return e;
  const auto& groups = respondent_groups();
  if (std::find(groups.begin(), groups.end(), d.group) == groups.end())
    return unprocessable("group", "group: okänd svarsgrupp \"" + d.group +
                                      "\" (deltagare_pagaende, deltagare_avslutade, insatspersonal, styrgrupp, "
                                      "chefer, remittenter eller team).");
  if (auto e = text_rule("description", d.description, 2000, false)) return e;
  if (d.items.empty()) return unprocessable("items", "items: en enkät behöver minst en fråga.");
  if (d.items.size() > kMaxItems)
    return unprocessable("items", "items: högst " + std::to_string(kMaxItems) + " frågor i en enkät.");
  std::set<std::string> keys;
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    const auto& it = d.items[i];
    const std::string p = "items[" + std::to_string(i) + "]";
    if (!valid_key(it.key))
      return unprocessable(p + ".id", p + ".id: ett id är 1–40 tecken a–z, 0–9, _ eller - (\"" + it.key + "\").");
    if (!keys.insert(it.key).second)
      return unprocessable(p + ".id", p + ".id: id \"" + it.key + "\" finns redan på en annan fråga.");
    if (auto e = text_rule(p + ".text", it.text, kMaxStatement, true)) return e;
    if (auto e = text_rule(p + ".min_label", it.min_label, 60, false)) return e;
    if (auto e = text_rule(p + ".max_label", it.max_label, 60, false)) return e;
    if (it.kind != ItemKind::scale) continue;
    if (it.min < 0 || it.min > 1)
      return unprocessable(p + ".min", p + ".min: skalan börjar på 0 eller 1 (inte " + std::to_string(it.min) + ").");
    if (it.max <= it.min || it.max > kMaxScaleValue)
      return unprocessable(p + ".max", p + ".max: skalans högsta värde ska vara större än " + std::to_string(it.min) +
                                           " och högst " + std::to_string(kMaxScaleValue) + " (inte " +
                                           std::to_string(it.max) + ").");
  }
  return std::nullopt;
}

std::optional<Error> check_answers(const std::vector<QuestionItem>& items,
                                   const std::map<std::string, AnswerValue>& answers) {
  for (const auto& entry : answers) {
    const std::string& key = entry.first;  // a plain reference: clang 14 cannot capture a structured binding
    if (std::none_of(items.begin(), items.end(), [&](const QuestionItem& i) { return i.key == key; }))
      return unprocessable("answers." + key, "Enkäten har ingen fråga med id \"" + key + "\".");
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const std::string field = "answers." + item.key;
    auto it = answers.find(item.key);
    bool given = it != answers.end() && (it->second.number || it->second.not_integer ||
                                         (it->second.text && it->second.text->find_first_not_of(" \t\r\n") != std::string::npos));
    if (!given) {
      if (item.required) return unprocessable(field, "Svara på " + quoted_item(i, item) + ": frågan är obligatorisk.");
      continue;
    }
    const auto& a = it->second;
    if (item.kind == ItemKind::text) {
      if (!a.text) return unprocessable(field, "Svaret på " + quoted_item(i, item) + " ska vara text.");
      if (auto e = check_text(field, *a.text, kMaxAnswerText, false))
        return unprocessable(field, "Svaret på " + quoted_item(i, item) + ": " + e->message);
      continue;
    }
    const int lo = item.kind == ItemKind::frequency ? 1 : item.min;
    const int hi = item.kind == ItemKind::frequency ? 5 : item.max;
    if (a.not_integer || !a.number || *a.number < lo || *a.number > hi)
      return unprocessable(field, "Svaret på " + quoted_item(i, item) + " ska vara ett heltal från " +
                                      std::to_string(lo) + " till " + std::to_string(hi) + ".");
  }
  return std::nullopt;
}

RoundState round_state(const std::string& opens, const std::string& closes, const std::string& today) {
  if (today < opens) return RoundState::not_open;
  if (today > closes) return RoundState::closed;
  return RoundState::open;
}

std::string to_code(RoundState s) {
  switch (s) {
    case RoundState::not_open: return "not_open";
    case RoundState::open: return "open";
    case RoundState::closed: return "closed";
  }
  return "open";
}

std::optional<Error> check_round_dates(const std::string& opens, const std::string& closes, const std::string& today) {
  if (auto e = check_date("opens", opens)) return e;
  if (auto e = check_date("closes", closes)) return e;
  if (closes < opens) return unprocessable("closes", "Omgången kan inte stänga (" + closes + ") före den öppnar (" + opens + ").");
  if (closes < today) return unprocessable("closes", "Stängningsdagen " + closes + " har redan passerat.");
  if (days_between(*parse_date(opens), *parse_date(closes)) > 366)
    return unprocessable("closes", "En omgång kan vara öppen i högst ett år.");
  return std::nullopt;
}

bool is_token_shape(const std::string& token) {
  return token.size() == 64 &&
         std::all_of(token.begin(), token.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

RoundResults summarise(const std::vector<QuestionItem>& items, std::int64_t responses,
                       const std::vector<Tally>& tallies) {
  RoundResults r;
  r.responses = responses;
  r.suppressed = responses < kSmallCellLimit;
  for (const auto& item : items) {
    ItemResult ir;
    ir.item = item;
    if (r.suppressed) {
      ir.suppressed = true;
      r.items.push_back(std::move(ir));
      continue;
    }
    const int lo = item.kind == ItemKind::frequency ? 1 : item.min;
    const int hi = item.kind == ItemKind::frequency ? 5 : item.max;
    std::map<int, std::int64_t> counts;
    for (const auto& t : tallies)
      if (t.item_key == item.key) counts[t.value] += t.count;
    double sum = 0;
    for (const auto& [v, n] : counts) {
      ir.count += n;
      sum += static_cast<double>(v) * static_cast<double>(n);
    }
    ir.suppressed = ir.count < kSmallCellLimit;
    if (item.kind != ItemKind::text && !ir.suppressed) {
      ir.mean = sum / static_cast<double>(ir.count);
      for (int v = lo; v <= hi; ++v) ir.distribution.emplace_back(v, counts[v]);
    }
    r.items.push_back(std::move(ir));
  }
  return r;
}

}  // namespace stegvis
